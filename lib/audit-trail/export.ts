import "server-only";
import type { Db } from "@/lib/db/client";
import type { AccessScope } from "@/lib/tenancy/scope";
import { type AuditFilters, type AuditRow, listAudit } from "./query";

export type ExportFormat = "csv" | "json";

export const CSV_COLUMNS = ["time", "actor", "actor_user_id", "ip", "action", "target_type", "target_id", "company_id", "vendor_id", "details"] as const;

/**
 * A CSV field: quoted when needed, and a leading = + - @ (or tab/CR) neutralised with a quote so a
 * spreadsheet does not run an attacker-chosen label as a formula (OWASP "CSV injection").
 */
export function csvField(value: string | null): string {
  if (value === null) return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(row: AuditRow): string {
  const cells = [
    row.createdAt,
    row.actor.label,
    row.actor.userId,
    row.actor.ip,
    row.action,
    row.target.type,
    row.target.id,
    row.companyId,
    row.vendorId,
    row.metadata === null || row.metadata === undefined ? null : JSON.stringify(row.metadata),
  ];
  return `${cells.map(csvField).join(",")}\r\n`;
}

/**
 * The scope's audit events matching the filters, newest first, as CSV or a JSON array, produced a
 * page at a time: memory stays flat at 100 000 rows and the first bytes leave at once.
 */
export async function* exportAudit(db: Db, scope: AccessScope, filters: AuditFilters, format: ExportFormat, pageSize = 1000): AsyncGenerator<string> {
  yield format === "csv" ? `${CSV_COLUMNS.join(",")}\r\n` : "[";
  let cursor: string | undefined;
  let first = true;
  do {
    const page = await listAudit(db, scope, filters, { cursor, limit: pageSize });
    let chunk = "";
    for (const row of page.items) {
      chunk += format === "csv" ? csvLine(row) : `${first ? "" : ","}\n${JSON.stringify(row)}`;
      first = false;
    }
    if (chunk) yield chunk;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  if (format === "json") yield "\n]\n";
}
