import { exactTime } from "@/components/ui/relative-time";
import { EmptyRow, Table, Td } from "@/components/ui/table";
import type { AuditRow } from "@/lib/audit-trail/query";

/** Before/after and other details, as recorded with the event. */
function Details({ metadata }: { metadata: unknown }) {
  if (metadata === null || metadata === undefined) return <span className="text-zinc-500">–</span>;
  return (
    <details>
      <summary className="cursor-pointer text-xs font-medium text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600">Details</summary>
      <pre className="mt-1 w-64 max-w-md overflow-x-auto sm:w-80 whitespace-pre-wrap break-all rounded bg-zinc-50 p-2 font-mono text-xs text-zinc-800">
        {JSON.stringify(metadata, null, 2)}
      </pre>
    </details>
  );
}

/** `tenants` (operator view): a Company column naming each entry's tenant. */
export function AuditTable({ rows, tenants }: { rows: AuditRow[]; tenants?: Record<string, string> }) {
  const head = ["Time (UTC)", ...(tenants ? ["Company"] : []), "Actor", "Action", "Target", "IP", "Before / after"];
  return (
    <Table caption="Audit entries, newest first" head={head}>
      {rows.length === 0 ? (
        <EmptyRow columns={head.length}>No audit entries match these filters.</EmptyRow>
      ) : (
        rows.map((e) => (
          <tr key={e.id}>
            <Td className="whitespace-nowrap text-xs">{exactTime(new Date(e.createdAt))}</Td>
            {tenants ? <Td className="text-xs">{e.companyId ? (tenants[e.companyId] ?? e.companyId) : "–"}</Td> : null}
            <Td className="text-xs">{e.actor.label}</Td>
            <Td className="font-mono text-xs">{e.action}</Td>
            <Td className="text-xs">
              <span className="block">{e.target.type}</span>
              {e.target.id ? <span className="block break-all font-mono text-zinc-600">{e.target.id}</span> : null}
            </Td>
            <Td className="font-mono text-xs">{e.actor.ip ?? "–"}</Td>
            <Td>
              <Details metadata={e.metadata} />
            </Td>
          </tr>
        ))
      )}
    </Table>
  );
}
