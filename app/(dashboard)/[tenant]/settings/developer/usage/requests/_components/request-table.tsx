import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { exactTime } from "@/components/ui/relative-time";
import { EmptyRow, Table, Td } from "@/components/ui/table";
import type { RequestLogRow } from "@/lib/request-log/list";

export function statusTone(status: number): BadgeTone {
  if (status === 429) return "indigo";
  if (status >= 500) return "red";
  if (status >= 400) return "amber";
  return "green";
}

export function callerLabel(
  row: RequestLogRow,
  keyNames: Record<string, string>,
  vendorNames: Record<string, string>,
  consoleNames: Record<string, string> = {},
): string {
  const vendor = row.vendorId ? (vendorNames[row.vendorId] ?? "Vendor") : null;
  const key = row.apiKeyId
    ? (keyNames[row.apiKeyId] ?? (vendor ? "Vendor key" : "Key"))
    : row.consoleUserId
      ? (consoleNames[row.consoleUserId] ?? "Console session")
      : "No valid key";
  return vendor ? `${vendor} · ${key}` : key;
}

export function RequestTable({
  rows,
  keyNames,
  vendorNames,
  consoleNames,
  lookupPath,
}: {
  rows: RequestLogRow[];
  keyNames: Record<string, string>;
  vendorNames: Record<string, string>;
  consoleNames: Record<string, string>;
  lookupPath: string;
}) {
  return (
    <Table caption="API requests, newest first" head={["Time (UTC)", "Key or vendor", "Endpoint", "Status", "Error code", "Duration", "Request ID"]}>
      {rows.length === 0 ? (
        <EmptyRow columns={7}>No requests match these filters.</EmptyRow>
      ) : (
        rows.map((r) => (
          <tr key={r.id}>
            <Td className="whitespace-nowrap font-mono text-xs">
              <time dateTime={r.createdAt} title={exactTime(new Date(r.createdAt))}>
                {r.createdAt.slice(5, 10)} {r.createdAt.slice(11, 19)}
              </time>
            </Td>
            <Td className="text-xs">{callerLabel(r, keyNames, vendorNames, consoleNames)}</Td>
            <Td className="min-w-40 max-w-72 font-mono text-xs break-all">
              {r.method} {r.path}
            </Td>
            <Td>
              <Badge tone={statusTone(r.status)}>{r.status}</Badge>
            </Td>
            <Td className="font-mono text-xs">{r.errorCode ?? ""}</Td>
            <Td className="whitespace-nowrap tabular-nums text-xs">{r.durationMs} ms</Td>
            <Td className="min-w-44 font-mono text-xs break-all">
              <Link
                href={`${lookupPath}?requestId=${encodeURIComponent(r.requestId)}`}
                className="text-indigo-700 underline-offset-2 hover:underline"
                aria-label={`Details of request ${r.requestId}`}
              >
                {r.requestId}
              </Link>
            </Td>
          </tr>
        ))
      )}
    </Table>
  );
}
