// Per-request cost of single pipeline steps, measured in isolation with the app's own modules.
// Run by the bench (run-step-costs.ts) against a seeded bench database that no server holds open;
// prints one JSON line: [{ step, us }].
import { TtlCache } from "@/lib/api/ttl-cache";
import { DEMO } from "@/lib/db/demo";
import { disconnectDb, getDb } from "@/lib/db/client";
import type { KeyRecord } from "@/lib/keys/cache";
import { checkKeyFormat, generateApiKey, hashKey } from "@/lib/keys/format";
import { type KeyLookup, verifyKey } from "@/lib/keys/verify";
import { timeAsync, timeSync } from "./timing";

const FAST = 200_000;
const DB = 500;

async function main(): Promise<void> {
  const db = await getDb();
  const key = generateApiKey();
  const created = await db.apiKey.create({
    data: { kind: "DIRECT", companyId: DEMO.companies.north.id, name: "bench step costs", prefix: key.prefix, last4: key.last4, hash: key.hash, scopes: ["read:jobs"] },
  });
  const lookup: KeyLookup = async (hash) => {
    const row = await db.apiKey.findUnique({ where: { hash }, include: { company: { select: { id: true, name: true, parentId: true } } } });
    return row && ({ ...row, kind: row.kind } satisfies KeyRecord);
  };
  const warm = new TtlCache<KeyRecord | null>(60_000);
  warm.set(key.hash, await lookup(key.hash));
  const cold = new TtlCache<KeyRecord | null>(0);
  const failIfCalled: KeyLookup = () => Promise.reject(new Error("cache miss in the cache-hit benchmark"));

  const steps = [
    { step: "key format + CRC32 checksum", us: timeSync(FAST, () => checkKeyFormat(key.secret)) },
    { step: "SHA-256 of the key", us: timeSync(FAST, () => hashKey(key.secret)) },
    { step: "verifyKey, cache hit (format + hash + cache + revoked/expiry)", us: await timeAsync(FAST, () => verifyKey(key.secret, failIfCalled, warm)) },
    { step: "verifyKey, cache miss (database lookup)", us: await timeAsync(DB, () => verifyKey(key.secret, lookup, cold)) },
  ];
  await db.apiKey.delete({ where: { id: created.id } });
  console.log(JSON.stringify(steps));
}

main()
  .then(() => disconnectDb())
  .then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
