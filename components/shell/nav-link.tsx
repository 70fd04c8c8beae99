"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";

/** A sidebar link that marks itself as the current page (exactly, or as a section prefix). */
export function NavLink({
  href,
  label,
  icon,
  exact = false,
  nested = false,
  badge,
}: {
  href: string;
  label: string;
  /** A rendered icon (server components cannot pass component functions to this client component). */
  icon?: ReactNode;
  exact?: boolean;
  nested?: boolean;
  /** A count of things waiting there (shown when above 0, e.g. pending partnership requests). */
  badge?: number;
}) {
  const pathname = usePathname();
  const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm transition-colors",
        focusRing,
        nested && "pl-9",
        active ? "bg-zinc-100 font-medium text-zinc-900" : "text-zinc-600 hover:bg-zinc-50 hover:text-zinc-900",
      )}
    >
      {icon ? (
        <span aria-hidden="true" className={cn("flex size-4 shrink-0", active ? "text-indigo-600" : "text-zinc-400")}>
          {icon}
        </span>
      ) : null}
      <span className="min-w-0 flex-1">{label}</span>
      {badge ? (
        <span className="ml-auto rounded-full bg-indigo-600 px-1.5 py-0.5 text-xs font-semibold tabular-nums text-white">
          {badge}
          <span className="sr-only"> pending</span>
        </span>
      ) : null}
    </Link>
  );
}
