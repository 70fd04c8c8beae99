import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Logo } from "@/components/ui/logo";

export const metadata: Metadata = { title: "Page not found · Klau" };

// Also shown for tenants the user may not open: "not found" and "not yours" look the same.
export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center bg-zinc-50 px-4">
      <div className="w-full max-w-md text-center">
        <Logo />
        <p className="mt-8 text-sm font-semibold text-indigo-600">404</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-zinc-900">Page not found</h1>
        <p className="mt-2 text-sm text-zinc-600">This page does not exist, or your account does not have access to it.</p>
        <Link href="/" className={buttonClasses("secondary", "mt-6")}>
          Back to your dashboard
        </Link>
      </div>
    </main>
  );
}
