import { DEMO } from "@/lib/db/demo";
import { runScript } from "./database";

export type BenchKeys = {
  /** Direct key of the North division. */
  direct: string;
  /** Vendor key of the seeded vendor, which has an active partnership with North granting read:jobs. */
  vendor: string;
  tenantId: string;
};

function createKey(owner: string[], env: Record<string, string>): string {
  const out = runScript("scripts/cli.ts", ["keys", "create", ...owner, "--name", `bench ${Date.now()}`, "--scopes", "read:jobs"], env);
  const parsed: unknown = JSON.parse(out);
  const secret = (parsed as { data?: { key?: unknown } }).data?.key;
  if (typeof secret !== "string") throw new Error(`keys create returned no key: ${out}`);
  return secret;
}

/** Keys created through the operator CLI (sent to the running app when the database is embedded). */
export function createBenchKeys(env: Record<string, string>): BenchKeys {
  const tenantId = DEMO.companies.north.id;
  return {
    direct: createKey(["--company", tenantId], env),
    vendor: createKey(["--vendor", DEMO.vendor.id], env),
    tenantId,
  };
}
