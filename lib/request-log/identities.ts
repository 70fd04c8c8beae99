import "server-only";
import { consoleLabel } from "@/lib/request-log/label";
import type { DbClient } from "@/lib/db/transaction";
import type { UsageReport } from "./usage-schema";

export type NamedIdentity = UsageReport["identities"][number] & { label: string; detail: string | null };

/**
 * Readable names for a report's keys and vendors (the report is already limited to its scope, so
 * only keys and vendors that made requests the viewer may see are named).
 */
export async function nameIdentities(db: DbClient, identities: UsageReport["identities"]): Promise<NamedIdentity[]> {
  const keyIds = identities.flatMap((i) => (i.apiKeyId ? [i.apiKeyId] : []));
  const vendorIds = identities.flatMap((i) => (i.vendorId ? [i.vendorId] : []));
  const userIds = identities.flatMap((i) => (i.consoleUserId ? [i.consoleUserId] : []));
  const [keys, vendors, users] = await Promise.all([
    keyIds.length ? db.apiKey.findMany({ where: { id: { in: keyIds } }, select: { id: true, name: true, prefix: true } }) : [],
    vendorIds.length ? db.vendor.findMany({ where: { id: { in: vendorIds } }, select: { id: true, name: true } }) : [],
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }) : [],
  ]);
  const keyById = new Map(keys.map((k) => [k.id, k]));
  const vendorById = new Map(vendors.map((v) => [v.id, v.name]));
  const emailById = new Map(users.map((u) => [u.id, u.email]));
  return identities.map((i) => {
    const key = i.apiKeyId ? keyById.get(i.apiKeyId) : undefined;
    const vendor = i.vendorId ? vendorById.get(i.vendorId) : undefined;
    const label = key
      ? key.name
      : i.apiKeyId
        ? "Deleted key"
        : i.consoleUserId
          ? consoleLabel(emailById.get(i.consoleUserId) ?? "deleted user")
          : "Console session";
    const detail = [key?.prefix, vendor ? `vendor ${vendor}` : null].filter(Boolean).join(" · ") || null;
    return { ...i, label, detail };
  });
}
