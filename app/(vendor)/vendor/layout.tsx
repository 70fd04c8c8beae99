import { Activity, Gauge, Handshake, KeyRound, SquareTerminal, Store } from "lucide-react";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { AppShell } from "@/components/shell/app-shell";
import { NavLink } from "@/components/shell/nav-link";
import { UserCard } from "@/components/shell/user-card";
import { requireVendorUser } from "@/lib/auth/session";

export default async function VendorLayout({ children }: { children: ReactNode }) {
  const user = await requireVendorUser();
  return (
    <Providers>
      <AppShell
        area="Vendors"
        context={
          <div className="flex items-center gap-2.5 rounded-md px-2.5 py-2 ring-1 ring-inset ring-zinc-200">
            <span className="flex size-8 shrink-0 items-center justify-center rounded-md bg-zinc-100 text-zinc-600">
              <Store aria-hidden="true" className="size-4" />
            </span>
            <span className="min-w-0">
              <span className="block truncate text-sm font-medium text-zinc-900">{user.vendor.name}</span>
              <span className="block text-xs text-zinc-500">Vendor account</span>
            </span>
          </div>
        }
        nav={
          <ul className="space-y-0.5">
            <li>
              <NavLink href="/vendor" label="Haulers" icon={<Handshake className="size-4" />} exact />
            </li>
            <li>
              <NavLink href="/vendor/keys" label="Keys" icon={<KeyRound className="size-4" />} />
            </li>
            <li>
              <NavLink href="/vendor/access" label="Effective access" icon={<Gauge className="size-4" />} />
            </li>
            <li>
              <NavLink href="/vendor/usage" label="Usage" icon={<Activity className="size-4" />} />
            </li>
            <li>
              <NavLink href="/vendor/console" label="Console" icon={<SquareTerminal className="size-4" />} />
            </li>
          </ul>
        }
        user={<UserCard name={user.name} email={user.email} roleLabel="Vendor developer" />}
      >
        {children}
      </AppShell>
    </Providers>
  );
}
