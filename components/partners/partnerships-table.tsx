import type { ReactNode } from "react";
import { EmptyRow, Table, Td } from "@/components/ui/table";
import type { PartnershipSummary } from "@/lib/tenancy/partnership-views";
import { PartnershipStateBadge } from "./partnership-state-badge";
import { ScopeBadges } from "./scope-badges";
import { Timestamp } from "./timestamp";

/** Partnerships across companies (operator views), with an optional action cell per row. */
export function PartnershipsTable({
  caption,
  partnerships,
  action,
}: {
  caption: string;
  partnerships: PartnershipSummary[];
  action?: (p: PartnershipSummary) => ReactNode;
}) {
  const head = ["Vendor", "Company", "Status", "Granted", "Requested, not granted", "Last call", ...(action ? ["Actions"] : [])];
  return (
    <Table caption={caption} head={head}>
      {partnerships.length === 0 ? <EmptyRow columns={head.length}>No partnerships match.</EmptyRow> : null}
      {partnerships.map((p) => (
        <tr key={p.id}>
          <Td className="font-medium text-zinc-900">{p.vendor.name}</Td>
          <Td>
            <p className="text-zinc-900">{p.company.name}</p>
            {p.company.parentName ? <p className="text-xs text-zinc-500">Division of {p.company.parentName}</p> : null}
          </Td>
          <Td>
            <PartnershipStateBadge state={p.state} />
          </Td>
          <Td>
            <ScopeBadges scopes={p.grantedScopes} label={`Scopes ${p.company.name} granted to ${p.vendor.name}`} />
          </Td>
          <Td>
            <ScopeBadges scopes={p.requestedNotGranted} label="Requested and not granted" tone="amber" empty="—" />
          </Td>
          <Td>
            <Timestamp at={p.lastCallAt} />
          </Td>
          {action ? <Td>{action(p)}</Td> : null}
        </tr>
      ))}
    </Table>
  );
}
