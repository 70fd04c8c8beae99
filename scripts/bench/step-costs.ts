// Per-request cost of single pipeline steps, measured in isolation with the app's own modules.
// Run by the bench (run-step-costs.ts) against a seeded bench database that no server holds open;
// prints one JSON line: [{ step, us }].
import { findKeyByHash } from "@/lib/api/lookups";
import { TtlCache } from "@/lib/cache/ttl-cache";
import { getDb } from "@/lib/db/client";
import { DEMO } from "@/lib/db/demo";
import { listJobsQuery } from "@/lib/hauling/jobs/schemas";
import { jobsPageSql } from "@/lib/hauling/jobs/list-sql";
import { listJobs } from "@/lib/hauling/jobs/service";
import type { KeyRecord } from "@/lib/keys/cache";
import { checkKeyFormat, generateApiKey, hashKey } from "@/lib/keys/format";
import { type KeyLookup, verifyKey } from "@/lib/keys/verify";
import { consumePoint } from "@/lib/ratelimit/limit";
import { createLimiter } from "@/lib/ratelimit/store";
import { ReadCache } from "@/lib/read-cache/read-cache";
import { typedJobsOfDay } from "./jobs-sql";
import { timeAsync, timeSync } from "./timing";
import { runDbScript } from "./run-db-script";

const FAST = 100_000;
const DB = 200;

async function main(): Promise<void> {
  const db = await getDb();
  const tenantId = DEMO.companies.north.id;
  const key = generateApiKey();
  const created = await db.apiKey.create({
    data: { kind: "DIRECT", companyId: tenantId, name: "bench step costs", prefix: key.prefix, last4: key.last4, hash: key.hash, scopes: ["read:jobs"] },
  });
  const lookup: KeyLookup = (hash) => findKeyByHash(db, hash);
  const warm = new TtlCache<KeyRecord | null>(3_600_000);
  warm.set(key.hash, await lookup(key.hash));
  const uncached = new TtlCache<KeyRecord | null>(0);
  const failIfCalled: KeyLookup = () => Promise.reject(new Error("cache miss in the cache-hit benchmark"));
  // The same store the bench server uses (memory unless REDIS_URL / KLAU_RATE_LIMIT_STORE say otherwise).
  const limiter = { policy: { points: 1_000_000_000, windowSeconds: 900 }, ...(await createLimiter({ points: 1_000_000_000, windowSeconds: 900 })) };
  const query = listJobsQuery.parse({ date: "2026-03-15" });
  const page = await listJobs(db, tenantId, query);
  const day = { ...query, date: "2026-03-15" };
  const answer = new TextEncoder().encode(JSON.stringify({ data: page.items, pagination: { nextCursor: page.nextCursor } }));
  const readCache = new ReadCache({ maxBytes: 32 * 1024 * 1024, ttlMs: 60_000 });
  readCache.setLive(true);
  readCache.store(readCache.ticket(tenantId), "/api/v1/jobs?date=2026-03-15", answer);

  const steps = [
    { step: "key format + CRC32 checksum", us: timeSync(FAST, () => checkKeyFormat(key.secret)) },
    { step: "SHA-256 of the key", us: timeSync(FAST, () => hashKey(key.secret)) },
    { step: "verifyKey, cache hit (format + hash + cache + revoked/expiry)", us: await timeAsync(FAST, () => verifyKey(key.secret, failIfCalled, warm)) },
    { step: "verifyKey, cache miss (database lookup by hash)", us: await timeAsync(DB, () => verifyKey(key.secret, lookup, uncached)) },
    { step: "rate limiter: consume one point", us: await timeAsync(FAST / 10, () => consumePoint(limiter, `company:${tenantId}`)) },
    { step: "query parse (zod) for ?date=2026-03-15", us: timeSync(FAST / 10, () => listJobsQuery.parse({ date: "2026-03-15" })) },
    {
      step: `jobs query: listJobs for one day (${page.items.length} jobs; one SQL statement on the pool of Prisma's adapter, selectRows)`,
      us: await timeAsync(DB, () => listJobs(db, tenantId, query)),
    },
    { step: "same statement through Prisma's $queryRaw (as before)", us: await timeAsync(DB, () => db.$queryRaw(jobsPageSql(tenantId, query))) },
    { step: "typed query it replaced (Prisma's findMany, then toJob per row)", us: await timeAsync(DB, () => typedJobsOfDay(db, tenantId, day)) },
    { step: "read cache: stored answer found (hit)", us: timeSync(FAST, () => readCache.lookup(tenantId, "/api/v1/jobs?date=2026-03-15")) },
    {
      step: "JSON serialization of that page",
      us: timeSync(FAST / 10, () => JSON.stringify({ data: page.items, pagination: { nextCursor: page.nextCursor } })),
    },
  ];
  await db.apiKey.delete({ where: { id: created.id } });
  console.log(JSON.stringify(steps));
}

runDbScript(main);
