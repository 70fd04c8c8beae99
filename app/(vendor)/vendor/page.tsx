import { Handshake } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PartnershipStateBadge } from "@/components/partners/partnership-state-badge";
import { ScopeBadges } from "@/components/partners/scope-badges";
import { Timestamp } from "@/components/partners/timestamp";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { focusRing } from "@/components/ui/focus-ring";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireVendorUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listPartnershipSummaries } from "@/lib/tenancy/partnership-views";
import { RequestPartnershipDialog } from "./_components/request-partnership-dialog";

export const metadata: Metadata = { title: "Haulers · Klau" };

export default async function VendorPage() {
  const { vendor } = await requireVendorUser();
  const partnerships = await listPartnershipSummaries(await getDb(), { kind: "vendor", vendorId: vendor.id });

  return (
    <div className="space-y-8">
      <PageHeader
        eyebrow={vendor.name}
        title="Haulers"
        description="Companies your integration may act for, with the scopes each one granted. Send a company's tenant ID in the Klau-Tenant-Id header with your vendor key."
        actions={<RequestPartnershipDialog />}
      />
      {partnerships.length === 0 ? (
        <EmptyState icon={Handshake} title="No haulers yet">
          <p>Ask a hauler for its tenant ID (shown on its Developer settings page) and request a partnership with the scopes you need.</p>
        </EmptyState>
      ) : (
        <Table caption={`Haulers of ${vendor.name}`} head={["Hauler", "Status", "Granted", "Requested, not granted", "Since", "Last API call"]}>
          {partnerships.map((p) => (
            <tr key={p.id}>
              <Td>
                <Link href={`/vendor/partnerships/${p.id}`} className={`rounded font-medium text-zinc-900 underline-offset-2 hover:underline ${focusRing}`}>
                  {p.company.name}
                </Link>
                {p.company.parentName ? <p className="text-xs text-zinc-500">Division of {p.company.parentName}</p> : null}
                <p className="mt-1 flex items-center gap-1 whitespace-nowrap font-mono text-xs text-zinc-500">
                  {p.company.id}
                  <CopyButton value={p.company.id} label={`Copy tenant ID of ${p.company.name}`} />
                </p>
              </Td>
              <Td>
                <PartnershipStateBadge state={p.state} />
                {p.openRequest ? <p className="mt-1 text-xs text-amber-800">Request pending</p> : null}
              </Td>
              <Td>
                <ScopeBadges scopes={p.grantedScopes} label={`Scopes granted by ${p.company.name}`} />
              </Td>
              <Td>
                <ScopeBadges scopes={p.requestedNotGranted} label={`Scopes requested from ${p.company.name} and not granted`} tone="amber" empty="—" />
              </Td>
              <Td>
                <Timestamp at={p.since} />
              </Td>
              <Td>
                <Timestamp at={p.lastCallAt} />
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
