import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { AppShell } from "@/components/shell/app-shell";
import { DeveloperNav } from "@/components/shell/developer-nav";
import { tenantRoleLabel } from "@/components/shell/role-label";
import { UserCard } from "@/components/shell/user-card";
import { TenantSwitcher } from "@/components/tenants/tenant-switcher";
import { can } from "@/lib/auth/permissions";
import { getAccessibleTenants, requireTenantAccess } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { countPendingRequests } from "@/lib/tenancy/partnership-views";

export default async function TenantLayout({ children, params }: { children: ReactNode; params: Promise<{ tenant: string }> }) {
  const { tenant: tenantId } = await params;
  const { user, tenant } = await requireTenantAccess(tenantId);
  const tenants = await getAccessibleTenants(user.id);
  const switchable = tenants.map(({ id, name, parentId }) => ({ id, name, parentId }));
  const pending = can(tenant.role, "partnerships:read")
    ? await countPendingRequests(await getDb(), { kind: "company", companyId: tenant.id, includeDivisions: false })
    : 0;

  return (
    <Providers>
      <AppShell
        area="Developers"
        context={<TenantSwitcher current={tenant} tenants={switchable} />}
        nav={<DeveloperNav tenantId={tenant.id} badges={{ partners: pending }} />}
        user={<UserCard name={user.name} email={user.email} roleLabel={tenantRoleLabel(tenant.role)} />}
      >
        {children}
      </AppShell>
    </Providers>
  );
}
