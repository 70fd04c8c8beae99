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

/** A key made by the operator CLI; the name gets a suffix (an owner's working keys have distinct names). */
export async function newKey(owner: { company: string } | { vendor: string }, scopes: string[], name = "e2e"): Promise<NewKey> {
  const ownerArgs = "company" in owner ? ["--company", owner.company] : ["--vendor", owner.vendor];
  const created = await klau<Row & { key: string }>(["keys", "create", ...ownerArgs, "--name", `${name} ${suffix()}`, "--scopes", scopes.join(",")]);
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
 * Runs SQL on the e2e database when the tests run on PostgreSQL (DATABASE_URL set for the workers);
 * returns false on the embedded database, which only the app may open.
 */
export async function onDatabase(work: (client: import("pg").Client) => Promise<unknown>): Promise<boolean> {
  const url = process.env.DATABASE_URL;
  if (!url) return false;
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
  return true;
}

/** Makes a key expired (the CLI cannot create an already-expired key); PostgreSQL runs only. */
export function expireKey(id: string): Promise<boolean> {
  return onDatabase((client) => client.query(`UPDATE "ApiKey" SET "expiresAt" = now() - interval '1 minute' WHERE id = $1`, [id]));
}

/** A made-up client address, so unauthenticated requests of one test get their own IP bucket. */
export function randomIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

export function auth(key: string, extra: Record<string, string> = {}): Record<string, string> {
  return { authorization: `Bearer ${key}`, ...extra };
}
