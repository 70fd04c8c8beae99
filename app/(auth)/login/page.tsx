import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Logo } from "@/components/ui/logo";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { INVALID_CREDENTIALS } from "@/lib/auth/credentials";
import { getSessionUser } from "@/lib/auth/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in · Klau" };

// Auth.js redirects here with ?error=…&code=… when its own endpoints fail (e.g. a form posted
// straight to /api/auth/callback/credentials); `code=rate_limited` is the sign-in throttle.
function errorMessage(error: string | undefined, code: string | undefined): string | undefined {
  if (!error) return undefined;
  if (error !== "CredentialsSignin") return "Sign-in failed. Please try again.";
  return code === "rate_limited" ? "Too many failed sign-in attempts. Try again later." : INVALID_CREDENTIALS;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  if (await getSessionUser()) redirect(callbackUrl ?? "/");

  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-zinc-50 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex justify-center">
          <Logo label="Developers" />
        </div>
        <div className="rounded-xl border border-zinc-200 bg-white p-8 shadow-sm">
          <h1 className="text-xl font-semibold tracking-tight text-zinc-900">Sign in to Klau</h1>
          <p className="mt-1 text-sm text-zinc-600">Manage API keys, partners and usage for your company.</p>
          <div className="mt-6">
            <LoginForm callbackUrl={callbackUrl} initialError={errorMessage(first(params.error), first(params.code))} />
          </div>
        </div>
        <p className="mt-6 text-center text-xs text-zinc-500">No account? Ask your company&apos;s Klau administrator or a platform operator.</p>
      </div>
    </main>
  );
}
