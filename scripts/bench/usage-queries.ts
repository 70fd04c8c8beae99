// The usage page's queries at 1 M request-log rows in one tenant (issue 13: each ≤ 200 ms on
// PostgreSQL). Seeds the rows with one INSERT … SELECT (the roll-up trigger runs as in production),
// then times each query the usage, request-log and audit pages make. Run by the bench
// (run-usage-queries.ts) against a bench database no server holds open, or alone:
//   DATABASE_URL=… npx tsx --conditions=react-server scripts/bench/usage-queries.ts [rows]
// Prints progress on stderr and one JSON line on stdout: { rows, seedSeconds, queries: [{ query, ms }] }.
import { listAudit } from "@/lib/audit-trail/query";
import { getDb } from "@/lib/db/client";
import { DEMO } from "@/lib/db/demo";
import { keySuggestions, partnershipSuggestions } from "@/lib/least-privilege/suggest";
import { listRequestLog } from "@/lib/request-log/list";
import { usageRange } from "@/lib/request-log/range";
import { keyUsageSeries, usageReport } from "@/lib/request-log/usage";
import type { CompanyScope } from "@/lib/tenancy/scope";
import { runDbScript } from "./run-db-script";

const ROWS = Number(process.argv[2] ?? 1_000_000);
const RUNS = 7;
const tenant = DEMO.companies.north.id;
const scope: CompanyScope = { kind: "company", companyId: tenant, includeDivisions: false };

/** Median wall time of `RUNS` calls after one warm-up, in ms (one decimal). */
async function medianMs(work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[Math.floor(RUNS / 2)] ?? 0) * 10) / 10;
}

runDbScript(async () => {
  const db = await getDb();
  // Five keys of the tenant send the traffic (rows made here: the bench never uses their secrets).
  await db.apiKey.createMany({
    data: Array.from({ length: 5 }, (_, i) => ({
      kind: "DIRECT" as const,
      companyId: tenant,
      name: `usage bench ${i + 1}`,
      prefix: "kl_live_bnch",
      last4: "0000",
      hash: `usage-bench-${crypto.randomUUID()}`,
      scopes: ["read:all", "write:all"],
    })),
  });
  const keys = (await db.apiKey.findMany({ where: { companyId: tenant, name: { startsWith: "usage bench" } }, select: { id: true } })).map((k) => k.id);
  const seedStart = performance.now();
  // 30 days of traffic, newest last; 10 endpoints; 1 in 20 a 403, 1 in 50 a 429, 1 in 500 a 500;
  // durations 1–60 ms with a tail. Batches of 100 000 keep each statement's memory bounded.
  for (let from = 0; from < ROWS; from += 100_000) {
    const to = Math.min(ROWS, from + 100_000);
    await db.$executeRaw`
      INSERT INTO "ApiRequestLog" ("apiKeyId", "companyId", "vendorId", "method", "path", "status", "durationMs", "requestId", "errorCode", "scope", "createdAt")
      SELECT (${keys}::text[])[1 + n % ${keys.length}], ${tenant}, NULL,
             CASE WHEN n % 7 = 0 THEN 'POST' ELSE 'GET' END,
             '/api/v1/' || (ARRAY['jobs','drivers','trucks','customers','sites','yards','dispatches','materials','dump-sites','companies'])[1 + n % 10] || CASE WHEN n % 3 = 0 THEN '/' || md5(n::text) ELSE '' END,
             CASE WHEN n % 500 = 0 THEN 500 WHEN n % 50 = 0 THEN 429 WHEN n % 20 = 0 THEN 403 ELSE 200 END,
             CASE WHEN n % 100 = 0 THEN 200 + n % 800 ELSE 1 + n % 60 END,
             'req_' || md5('bench' || n::text),
             CASE WHEN n % 500 = 0 THEN 'INTERNAL_ERROR' WHEN n % 50 = 0 THEN 'RATE_LIMITED' WHEN n % 20 = 0 THEN 'INSUFFICIENT_SCOPE' END,
             CASE WHEN n % 20 = 0 OR n % 50 = 0 THEN NULL ELSE CASE WHEN n % 7 = 0 THEN 'write:' ELSE 'read:' END || (ARRAY['jobs','drivers','trucks','customers','sites','yards','dispatches','materials','dump-sites','companies'])[1 + n % 10] END,
             now() - interval '30 days' + (n::double precision / ${ROWS}) * interval '30 days'
      FROM generate_series(${from}::int, ${to - 1}::int) AS n`;
    console.error(`seeded ${to} rows`);
  }
  await db.$executeRawUnsafe(`ANALYZE "ApiRequestLog"`);
  await db.$executeRawUnsafe(`ANALYZE "ApiUsageHourly"`);
  const seedSeconds = Math.round((performance.now() - seedStart) / 100) / 10;
  const [rollup] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "ApiUsageHourly" WHERE "companyId" = ${tenant}`;
  const someRequest = (await listRequestLog(db, scope, { limit: 1, status: 500 })).items[0]?.requestId ?? "none";
  const queries: [string, () => Promise<unknown>][] = [
    ["usage report, last 24 hours (4 queries)", () => usageReport(db, scope, usageRange({ range: "24h" }))],
    ["usage report, last 7 days (4 queries)", () => usageReport(db, scope, usageRange({ range: "7d" }))],
    ["usage report, last 30 days (4 queries)", () => usageReport(db, scope, usageRange({ range: "30d" }))],
    ["key sparklines, 30 days, every key", () => keyUsageSeries(db, scope, keys, 30)],
    ["least privilege: keys", () => keySuggestions(db, scope)],
    ["least privilege: partnerships", () => partnershipSuggestions(db, scope)],
    ["request log, first page (50)", () => listRequestLog(db, scope, {})],
    ["request log, 50 of one key", () => listRequestLog(db, scope, { apiKeyId: keys[0] })],
    ["request log, 50 with status 500 (1 in 500 rows)", () => listRequestLog(db, scope, { status: 500 })],
    ["request log, lookup by request id", () => listRequestLog(db, scope, { requestId: someRequest })],
    ["audit log, first page (50)", () => listAudit(db, scope, {})],
  ];
  const results: { query: string; ms: number }[] = [];
  for (const [query, work] of queries) {
    results.push({ query, ms: await medianMs(work) });
    console.error(`${query}: ${results.at(-1)?.ms} ms`);
  }
  console.log(JSON.stringify({ rows: ROWS, rollupRows: rollup?.n ?? 0, seedSeconds, queries: results }));
});
