import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Logo } from "@/components/ui/logo";
import { getHomePath, getSessionUser } from "@/lib/auth/session";

/** Sends everyone to their place: signed out → /login; signed in → their home area. */
export default async function RootPage() {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  const home = await getHomePath(user);
  if (home) redirect(home);

  return (
    <main className="flex min-h-screen items-center justify-center bg-zinc-50 px-4">
      <div className="w-full max-w-md rounded-xl border border-zinc-200 bg-white p-8 text-center shadow-sm">
        <Logo />
        <h1 className="mt-6 text-lg font-semibold text-zinc-900">No company access yet</h1>
        <p className="mt-2 text-sm text-zinc-600">
          You are signed in as {user.email}, but this account does not belong to a company or vendor. Ask your company&apos;s Klau administrator to add you.
        </p>
        <div className="mt-6 flex justify-center">
          <SignOutButton />
        </div>
      </div>
    </main>
  );
}
