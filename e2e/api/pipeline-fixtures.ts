import { randomBytes, randomInt } from "node:crypto";
import { klau } from "../fixtures/cli";

/**
 * Test data for the API pipeline specs, made through the operator CLI while the app runs (never
 * by opening the embedded database). Every spec makes its own companies, so one file's traffic
 * cannot eat another's rate-limit budget.
 */
type Row = { id: string };
export type NewKey = { id: string; key: string };
export type PartnershipStatus = "active" | "pending" | "suspended" | "revoked";

const suffix = () => randomBytes(3).toString("hex");

export async function newCompany(name: string, parentId?: string): Promise<string> {
  const args = ["companies", "create", "--name", `${name} ${suffix()}`];
  if (parentId) args.push("--parent", parentId);
  return (await klau<Row>(args)).id;
}

export async function newVendor(name: string): Promise<string> {
  return (await klau<Row>(["vendors", "create", "--name", `${name} ${suffix()}`])).id;
}

export async function newKey(owner: { company: string } | { vendor: string }, scopes: string[], name = "e2e"): Promise<NewKey> {
  const ownerArgs = "company" in owner ? ["--company", owner.company] : ["--vendor", owner.vendor];
  const created = await klau<Row & { key: string }>(["keys", "create", ...ownerArgs, "--name", name, "--scopes", scopes.join(",")]);
  return { id: created.id, key: created.key };
}

export async function revokeKey(id: string): Promise<void> {
  await klau(["keys", "revoke", id]);
}

export async function listKeys(company: string): Promise<{ id: string; lastUsedAt: string | null }[]> {
  return klau(["keys", "list", "--company", company]);
}

export async function newPartnership(vendorId: string, companyId: string, scopes: string[]): Promise<string> {
  return (await klau<Row>(["partnerships", "create", "--vendor", vendorId, "--company", companyId, "--scopes", scopes.join(",")])).id;
}

export async function setPartnershipStatus(id: string, status: PartnershipStatus): Promise<void> {
  await klau(["partnerships", "update", id, "--status", status]);
}

/**
 * Makes a key expired. The CLI cannot create an already-expired key, so this is possible only when
 * the tests run on PostgreSQL (the spec can reach the database); returns false on the embedded one.
 */
export async function expireKey(id: string): Promise<boolean> {
  const url = process.env.DATABASE_URL;
  if (!url) return false;
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`UPDATE "ApiKey" SET "expiresAt" = now() - interval '1 minute' WHERE id = $1`, [id]);
  } finally {
    await client.end();
  }
  return true;
}

/** A made-up client address, so unauthenticated requests of one test get their own IP bucket. */
export function randomIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

export function auth(key: string, extra: Record<string, string> = {}): Record<string, string> {
  return { authorization: `Bearer ${key}`, ...extra };
}
