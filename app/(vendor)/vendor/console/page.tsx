import type { Metadata } from "next";
import { ConsoleWorkbench } from "@/components/console/console-workbench";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireVendorUser } from "@/lib/auth/session";
import { offeredGroups } from "@/lib/console/catalog";
import { todaysConsoleCatalog } from "@/lib/console/environment";
import { activeHaulers } from "@/lib/console/haulers";
import { getDb } from "@/lib/db/client";
import { FULL_ACCESS } from "@/lib/scopes/catalog";
import { vendorScope } from "@/lib/tenancy/scope";

export const metadata: Metadata = { title: "Console · Klau" };

export default async function VendorConsolePage() {
  const { vendor } = await requireVendorUser();
  const haulers = await activeHaulers(await getDb(), vendorScope(vendor.id));
  const canWrite = can("VENDOR", "console:write");
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={vendor.name}
        title="Console"
        description="Send real requests to the Klau API for a hauler you partner with (the console sets Klau-Tenant-Id) and see exactly what your integration will see. Each call is limited to what the hauler granted."
      />
      <ConsoleWorkbench
        groups={offeredGroups(todaysConsoleCatalog(), canWrite)}
        target={{ kind: "vendor", haulers }}
        canWrite={canWrite}
        defaultScopes={[...FULL_ACCESS]}
        keysHref={null}
        grantHref="/vendor"
      />
    </div>
  );
}
