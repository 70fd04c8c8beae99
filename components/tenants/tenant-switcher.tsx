"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Building2, Check, ChevronsUpDown } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";
import { switchTenantHref } from "./switch-href";

export type SwitcherTenant = { id: string; name: string; parentId: string | null };

function TenantLabel({ tenant, parentName }: { tenant: SwitcherTenant; parentName?: string }) {
  return (
    <span className="min-w-0 text-left">
      <span className="block truncate text-sm font-medium text-zinc-900" title={tenant.name}>
        {tenant.name}
      </span>
      <span className="block truncate text-xs text-zinc-500">{tenant.parentId ? `Division${parentName ? ` of ${parentName}` : ""}` : "Company"}</span>
    </span>
  );
}

/**
 * Which company or division the dashboard shows. Corporate users get a menu (Radix: arrow keys,
 * typeahead, Escape, focus return) of links to the same section in each tenant; everyone else
 * sees their one company as plain text.
 */
export function TenantSwitcher({ current, tenants }: { current: SwitcherTenant; tenants: SwitcherTenant[] }) {
  const pathname = usePathname();
  const nameOf = (id: string | null) => tenants.find((t) => t.id === id)?.name;
  const box = "flex w-full items-center gap-2.5 rounded-md px-2.5 py-2";
  const icon = (
    <span className="flex size-8 shrink-0 items-center justify-center rounded-md bg-zinc-100 text-zinc-600">
      <Building2 aria-hidden="true" className="size-4" />
    </span>
  );

  if (tenants.length <= 1) {
    return (
      <div className={cn(box, "ring-1 ring-inset ring-zinc-200")} data-testid="tenant-current">
        {icon}
        <TenantLabel tenant={current} parentName={nameOf(current.parentId)} />
      </div>
    );
  }

  return (
    <DropdownMenu.Root>
      {/* Named by its visible text plus a hidden lead-in, not aria-label: speech-input users say what they see (WCAG 2.5.3). */}
      <DropdownMenu.Trigger className={cn(box, "ring-1 ring-inset ring-zinc-200 hover:bg-zinc-50 data-[state=open]:bg-zinc-50", focusRing)}>
        <span className="sr-only">Switch company or division, current:</span>
        {icon}
        <TenantLabel tenant={current} parentName={nameOf(current.parentId)} />
        <ChevronsUpDown aria-hidden="true" className="ml-auto size-4 shrink-0 text-zinc-400" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={6}
          className="z-50 w-(--radix-dropdown-menu-trigger-width) min-w-72 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg"
        >
          <DropdownMenu.Label className="px-2.5 py-1.5 text-xs font-medium text-zinc-500">Switch company or division</DropdownMenu.Label>
          {tenants.map((tenant) => {
            const selected = tenant.id === current.id;
            return (
              <DropdownMenu.Item key={tenant.id} asChild>
                <Link
                  href={switchTenantHref(pathname, tenant.id)}
                  aria-current={selected ? "true" : undefined}
                  className={cn(
                    "flex cursor-pointer items-center gap-2 rounded-md px-2.5 py-1.5 text-sm text-zinc-700 outline-none",
                    "data-highlighted:bg-zinc-100 data-highlighted:text-zinc-900",
                    tenant.parentId && "pl-6",
                  )}
                >
                  <span className="min-w-0 flex-1 truncate">{tenant.name}</span>
                  {selected ? <Check aria-hidden="true" className="size-4 shrink-0 text-indigo-600" /> : null}
                </Link>
              </DropdownMenu.Item>
            );
          })}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
