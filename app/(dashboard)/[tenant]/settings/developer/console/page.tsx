import type { Metadata } from "next";
import { ConsoleWorkbench } from "@/components/console/console-workbench";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireTenantAccess } from "@/lib/auth/session";
import { offeredGroups } from "@/lib/console/catalog";
import { todaysConsoleCatalog } from "@/lib/console/environment";
import { FULL_ACCESS, READ_ONLY } from "@/lib/scopes/catalog";

export const metadata: Metadata = { title: "Console · Klau" };

export default async function ConsolePage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await requireTenantAccess((await params).tenant);
  const canWrite = can(tenant.role, "console:write");
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow="Developer settings"
        title="Console"
        description={`Send real requests to the Klau API for ${tenant.name} and see exactly what your integration will see. Calls pass the whole API: scopes, rate limits, idempotency and the request log.${canWrite ? "" : " Your role can send GET requests only."}`}
      />
      <ConsoleWorkbench
        groups={offeredGroups(todaysConsoleCatalog(), canWrite)}
        target={{ kind: "tenant", tenantId: tenant.id, tenantName: tenant.name }}
        canWrite={canWrite}
        defaultScopes={[...(canWrite ? FULL_ACCESS : READ_ONLY)]}
        keysHref={`/${tenant.id}/settings/developer/keys`}
        grantHref={null}
      />
    </div>
  );
}
