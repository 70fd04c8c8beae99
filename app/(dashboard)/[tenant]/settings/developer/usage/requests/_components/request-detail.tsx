import { Card } from "@/components/ui/card";
import { exactTime } from "@/components/ui/relative-time";
import type { RequestLogRow } from "@/lib/request-log/list";

/** Every recorded field of one request (found by its request id). Bodies are never recorded. */
export function RequestDetail({
  row,
  keyLabel,
  vendorLabel,
  consoleLabel,
}: {
  row: RequestLogRow;
  keyLabel?: string;
  vendorLabel?: string;
  consoleLabel?: string;
}) {
  const fields: [string, string][] = [
    ["Request ID", row.requestId],
    ["Time", exactTime(new Date(row.createdAt))],
    ["Method", row.method],
    ["Path", row.path],
    ["Status", String(row.status)],
    ["Error code", row.errorCode ?? "none"],
    ["Scope used", row.scope ?? "none (refused before authorization)"],
    ["Duration", `${row.durationMs} ms`],
    ["Key", row.apiKeyId ? `${keyLabel ?? "key"} — ${row.apiKeyId}` : "none"],
    ["Vendor", row.vendorId ? `${vendorLabel ?? "vendor"} — ${row.vendorId}` : "none"],
    ["Console user", row.consoleUserId ? `${consoleLabel ?? "Console session"} — ${row.consoleUserId}` : "none"],
    ["Company", row.companyId ?? "none"],
  ];
  return (
    <Card className="p-4">
      <section aria-labelledby="request-detail-heading" className="space-y-3">
        <h2 id="request-detail-heading" className="text-sm font-semibold text-zinc-900">
          Request {row.requestId}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
          {fields.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-zinc-600">{label}</dt>
              <dd className="break-all font-mono text-xs text-zinc-900 sm:text-sm">{value}</dd>
            </div>
          ))}
        </dl>
        <p className="text-xs text-zinc-600">Request and response bodies and headers are not recorded.</p>
      </section>
    </Card>
  );
}
