import { Handshake, LayoutGrid, ScrollText, ShieldCheck, Store } from "lucide-react";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { AppShell } from "@/components/shell/app-shell";
import { NavLink } from "@/components/shell/nav-link";
import { UserCard } from "@/components/shell/user-card";
import { requireOperator } from "@/lib/auth/session";

export default async function OperatorLayout({ children }: { children: ReactNode }) {
  const user = await requireOperator();
  return (
    <Providers>
      <AppShell
        area="Operations"
        context={
          <div className="flex items-center gap-2.5 rounded-md px-2.5 py-2 ring-1 ring-inset ring-zinc-200">
            <span className="flex size-8 shrink-0 items-center justify-center rounded-md bg-zinc-900 text-white">
              <ShieldCheck aria-hidden="true" className="size-4" />
            </span>
            <span className="min-w-0">
              <span className="block truncate text-sm font-medium text-zinc-900">Klau platform</span>
              <span className="block text-xs text-zinc-500">Operator console</span>
            </span>
          </div>
        }
        nav={
          <ul className="space-y-0.5">
            <li>
              <NavLink href="/operator" label="Directory" icon={<LayoutGrid className="size-4" />} exact />
            </li>
            <li>
              <NavLink href="/operator/vendors" label="Vendors" icon={<Store className="size-4" />} />
            </li>
            <li>
              <NavLink href="/operator/partnerships" label="Partnerships" icon={<Handshake className="size-4" />} />
            </li>
            <li>
              <NavLink href="/operator/audit" label="Audit log" icon={<ScrollText className="size-4" />} />
            </li>
          </ul>
        }
        user={<UserCard name={user.name} email={user.email} roleLabel="Platform operator" />}
      >
        {children}
      </AppShell>
    </Providers>
  );
}
