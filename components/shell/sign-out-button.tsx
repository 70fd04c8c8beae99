"use client";

import { LogOut } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";
import { signOutAction } from "@/lib/actions/sign-out";

/** Ends the session (the action redirects to /login). */
async function signOut(): Promise<void> {
  await signOutAction({});
}

/** `compact` shows the icon only (the name stays available to assistive tech). */
export function SignOutButton({ compact = false }: { compact?: boolean }) {
  return (
    <form action={signOut}>
      <button
        type="submit"
        aria-label={compact ? "Sign out" : undefined}
        title={compact ? "Sign out" : undefined}
        className={cn("flex items-center gap-1.5 rounded-md p-2 text-sm text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900", focusRing)}
      >
        <LogOut aria-hidden="true" className="size-4" />
        {compact ? null : "Sign out"}
      </button>
    </form>
  );
}
