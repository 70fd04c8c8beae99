import "server-only";
import type { Db } from "@/lib/db/client";
import { consoleLabel } from "@/lib/request-log/label";

export type RecentRequest = {
  requestId: string;
  createdAt: Date;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  /** Who made it, as people read it: `Console (email)`, `Key "name"`, the vendor's name, or "No valid key". */
  caller: string;
  apiKeyId: string | null;
  consoleUserId: string | null;
  vendorId: string | null;
};

type Names = { keys: Map<string, string>; users: Map<string, string>; vendors: Map<string, string> };

/** How a request-log row names its caller (a console session first: it also carries the vendor of a vendor user). */
export function callerLabel(row: { apiKeyId: string | null; consoleUserId: string | null; vendorId: string | null }, names: Names): string {
  if (row.consoleUserId) return consoleLabel(names.users.get(row.consoleUserId) ?? "deleted user");
  if (row.apiKeyId) return `Key "${names.keys.get(row.apiKeyId) ?? row.apiKeyId}"`;
  if (row.vendorId) return names.vendors.get(row.vendorId) ?? row.vendorId;
  return "No valid key";
}

/** A tenant's latest requests, newest first, with their callers named (operator CLI: `requests list`). */
export async function recentRequests(db: Db, query: { companyId: string; limit: number }): Promise<RecentRequest[]> {
  const rows = await db.apiRequestLog.findMany({
    where: { companyId: query.companyId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit,
  });
  const ids = (pick: (r: (typeof rows)[number]) => string | null) => [...new Set(rows.map(pick).filter((v): v is string => v !== null))];
  const [keys, users, vendors] = await Promise.all([
    db.apiKey.findMany({ where: { id: { in: ids((r) => r.apiKeyId) } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: ids((r) => r.consoleUserId) } }, select: { id: true, email: true } }),
    db.vendor.findMany({ where: { id: { in: ids((r) => r.vendorId) } }, select: { id: true, name: true } }),
  ]);
  const names: Names = {
    keys: new Map(keys.map((k) => [k.id, k.name])),
    users: new Map(users.map((u) => [u.id, u.email])),
    vendors: new Map(vendors.map((v) => [v.id, v.name])),
  };
  return rows.map((r) => ({
    requestId: r.requestId,
    createdAt: r.createdAt,
    method: r.method,
    path: r.path,
    status: r.status,
    durationMs: r.durationMs,
    caller: callerLabel(r, names),
    apiKeyId: r.apiKeyId,
    consoleUserId: r.consoleUserId,
    vendorId: r.vendorId,
  }));
}
