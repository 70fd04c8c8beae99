import { Handshake } from "lucide-react";
import type { Metadata } from "next";
import { formatDate } from "@/components/shell/format-date";
import { PartnershipStatusBadge } from "@/components/shell/partnership-status";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireVendorUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { loadVendorPartnerships } from "./load-partnerships";

export const metadata: Metadata = { title: "Partnerships · Klau" };

export default async function VendorPage() {
  const { vendor } = await requireVendorUser();
  const partnerships = await loadVendorPartnerships(await getDb(), vendor.id);

  return (
    <div className="space-y-8">
      <PageHeader
        eyebrow={vendor.name}
        title="Partnerships"
        description="Companies that let your integration act for them, and the scopes each one granted. Send a company's tenant ID in the Klau-Tenant-Id header with your vendor key."
      />
      {partnerships.length === 0 ? (
        <EmptyState icon={Handshake} title="No partnerships yet">
          <p>When a company connects your integration, it appears here with the scopes it granted.</p>
        </EmptyState>
      ) : (
        <Table caption={`Partnerships of ${vendor.name}`} head={["Company", "Status", "Granted scopes", "Since"]}>
          {partnerships.map((p) => (
            <tr key={p.id}>
              <Td>
                <p className="font-medium text-zinc-900">{p.company.name}</p>
                {p.company.parentName ? <p className="text-xs text-zinc-500">Division of {p.company.parentName}</p> : null}
                <p className="mt-1 flex items-center gap-1 whitespace-nowrap font-mono text-xs text-zinc-500">
                  {p.company.id}
                  <CopyButton value={p.company.id} label={`Copy tenant ID of ${p.company.name}`} />
                </p>
              </Td>
              <Td>
                <PartnershipStatusBadge status={p.status} />
              </Td>
              <Td>
                {p.scopes.length === 0 ? (
                  <span className="text-zinc-500">None</span>
                ) : (
                  <ul className="flex max-w-md flex-wrap gap-1.5" aria-label="Granted scopes">
                    {p.scopes.map((scope) => (
                      <li key={scope}>
                        <Badge mono>{scope}</Badge>
                      </li>
                    ))}
                  </ul>
                )}
              </Td>
              <Td className="whitespace-nowrap">{formatDate(p.since)}</Td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
