import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_DATABASE_ENV } from "../env";
import { klau, klauRaw } from "../fixtures/cli";

/**
 * The operator CLI against the running app's database (on the embedded database it relays to the
 * app, which owns the data directory): what it creates is immediately live in the API.
 */
type Row = { id: string } & Record<string, unknown>;

// Each CLI call is a process (tsx + Prisma start-up, 1–5 s on a busy 2-core machine).
test.describe.configure({ mode: "serial", timeout: 180_000 });

test("creates a company, vendor, key and partnership while the app runs; each shows up in list", async ({ request }) => {
  const company = await klau<Row>(["companies", "create", "--name", "CLI E2E Hauling"]);
  const vendor = await klau<Row>(["vendors", "create", "--name", "CLI E2E Vendor"]);
  const key = await klau<Row & { key: string }>(["keys", "create", "--vendor", vendor.id, "--name", "e2e", "--scopes", "read:companies,read:jobs"]);
  const partnership = await klau<Row>(["partnerships", "create", "--vendor", vendor.id, "--company", company.id, "--scopes", "read:all"]);
  expect(partnership).toMatchObject({ status: "active", scopes: ["read:all"] });

  expect((await klau<Row[]>(["companies", "list"])).map((c) => c.id)).toContain(company.id);
  expect((await klau<Row[]>(["vendors", "list"])).map((v) => v.id)).toContain(vendor.id);
  const keys = await klau<Row[]>(["keys", "list", "--vendor", vendor.id]);
  expect(keys).toEqual([expect.objectContaining({ id: key.id, status: "active" })]);
  expect(JSON.stringify(keys)).not.toContain(key.key);
  expect((await klau<Row[]>(["partnerships", "list", "--company", company.id])).map((p) => p.id)).toEqual([partnership.id]);

  const asVendor = { authorization: `Bearer ${key.key}`, "klau-tenant-id": company.id };
  const current = await request.get("/api/v1/companies/current", { headers: asVendor });
  expect(current.status()).toBe(200);
  expect((await current.json()).data).toMatchObject({ id: company.id });

  // Suspending the partnership and revoking the key take effect on the very next request.
  await klau(["partnerships", "update", partnership.id, "--status", "suspended"]);
  expect((await request.get("/api/v1/companies/current", { headers: asVendor })).status()).toBe(403);
  await klau(["partnerships", "update", partnership.id, "--status", "active"]);
  expect((await request.get("/api/v1/companies/current", { headers: asVendor })).status()).toBe(200);
  await klau(["keys", "revoke", key.id]);
  expect((await request.get("/api/v1/companies/current", { headers: asVendor })).status()).toBe(401);
});

test("a direct key made by the CLI acts for its division only", async ({ request }) => {
  const parent = await klau<Row>(["companies", "create", "--name", "CLI Parent"]);
  const division = await klau<Row>(["companies", "create", "--name", "CLI Division", "--parent", parent.id]);
  const key = await klau<Row & { key: string }>(["keys", "create", "--company", division.id, "--name", "direct", "--scopes", "read:*"]);
  const response = await request.get("/api/v1/companies/current", { headers: { authorization: `Bearer ${key.key}` } });
  expect(response.status()).toBe(200);
  expect((await response.json()).data).toMatchObject({ id: division.id });
  const foreign = await request.get("/api/v1/companies/current", {
    headers: { authorization: `Bearer ${key.key}`, "klau-tenant-id": parent.id },
  });
  expect(foreign.status()).toBe(403);
});

test("bad arguments and unknown ids keep their exit codes", async () => {
  const usage = await klauRaw(["keys", "create", "--company", "x", "--vendor", "y", "--name", "k", "--scopes", "read:jobs"]);
  expect(usage.exitCode).toBe(2);
  expect(usage.body).toMatchObject({ error: { code: "USAGE" } });
  const missing = await klauRaw(["keys", "revoke", "00000000-0000-4000-8000-000000000000"]);
  expect(missing.exitCode).toBe(1);
  expect(missing.body).toEqual({ error: { code: "NOT_FOUND", message: "API key not found" } });
});

test("the CLI relay is not on the HTTP port at all, not even with the real owner token", async ({ request }) => {
  // Embedded: the app serves CLI commands on a Unix socket beside its data directory and publishes it
  // with its token in owner.json; PostgreSQL: there is no relay. Either way the HTTP port has none.
  const dataDir = E2E_DATABASE_ENV.KLAU_DATA_DIR;
  const owner = dataDir ? (JSON.parse(readFileSync(path.join(dataDir, "owner.json"), "utf8")) as { token: string; socket: string }) : null;
  if (owner) expect(owner.socket).toBe(path.resolve(dataDir ?? "", "cli.sock"));
  const token = owner?.token ?? "guessed";
  const body = { argv: ["companies", "list"] };
  const attempts = [
    request.post("/api/internal/cli", { data: body, headers: { authorization: `Bearer ${token}` } }),
    request.post("/api/internal/cli", { data: body }),
    request.get("/api/internal/cli", { headers: { authorization: `Bearer ${token}` } }),
  ];
  for (const response of await Promise.all(attempts)) {
    expect(response.status()).toBe(404);
    expect(await response.text()).not.toContain('"exitCode"');
  }
  // …while the CLI itself still reaches the app (through the socket on the embedded database).
  expect(Array.isArray(await klau(["companies", "list"]))).toBe(true);
});
