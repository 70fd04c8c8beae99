import { find, pct, rps, us, usPerRequest } from "./format";
import { databaseKey, INVESTIGATION } from "./investigation";
import { API_DIRECT, BARE, PIPELINE_DIRECT, type Row, TARGET_RATIO } from "./report-types";

/** Server time per request the API may add over the bare route and still serve 85 % of its throughput. */
function budgets(rows: Row[]): string {
  const parts: string[] = [];
  for (const database of [...new Set(rows.map((r) => r.database))]) {
    const bare = find(rows, database, BARE);
    if (bare) parts.push(`${us((1 / TARGET_RATIO - 1) * usPerRequest(bare))} µs on ${database}`);
  }
  return parts.join(", ");
}

/** The gateway ratio of this run per database, for "before → after" statements. */
function gatewayNow(rows: Row[]): string {
  const parts: string[] = [];
  for (const database of [...new Set(rows.map((r) => r.database))]) {
    const bare = find(rows, database, BARE);
    const pipeline = find(rows, database, PIPELINE_DIRECT);
    if (!bare || !pipeline) continue;
    parts.push(`${database} ${INVESTIGATION.gatewayBeforeLogFix[databaseKey(database)]} → ${pct(rps(pipeline) / rps(bare))} in this run`);
  }
  return parts.join(", ");
}

function queryCeiling(rows: Row[]): string {
  const parts: string[] = [];
  for (const database of [...new Set(rows.map((r) => r.database))]) {
    const bare = find(rows, database, BARE);
    const pipeline = find(rows, database, PIPELINE_DIRECT);
    const api = find(rows, database, API_DIRECT);
    if (bare && pipeline && api) parts.push(`${database} ${pct(rps(api) / rps(bare))} → at most ${pct(rps(pipeline) / rps(bare))}`);
  }
  return parts.join(", ");
}

/** What would close the gap, and why we did or did not do it. */
export function closingTheGap(rows: Row[]): string[] {
  const { requestLogPrisma: prisma, requestLogUnnest: unnest } = INVESTIGATION;
  return [
    "### What would close the gap, and what we did",
    "",
    `At 85 % of the bare route the API may add only ${budgets(rows)} of server time per request, for the gateway and the ` +
      "query together. The real endpoint runs one database query per request and the bare route none, and the query alone " +
      `exceeds that budget through Prisma: 16 concurrent callers get ≈ ${INVESTIGATION.listJobsPerSecond} \`listJobs\` calls/s ` +
      `on PostgreSQL in every variant tried (≈ 350–430 µs each), against ≈ ${INVESTIGATION.bareDriverPerSecond}/s for the same ` +
      "SQL on bare node-postgres (≈ 165 µs; `scripts/bench/query-variants.ts`). So **`GET /api/v1/jobs` cannot reach 85 % by " +
      "tuning the query**, and on PGlite, where the SQL itself runs on the Node thread, not at all. The target is meaningful " +
      "for the gateway, and that is where the work went.",
    "",
    `- **Gateway: the request log as one SQL statement per batch (done).** The request log is written off the request ` +
      `path, but in the same Node process. Prisma's \`createMany\` of a 200-row batch cost ${prisma.pg} µs of Node CPU per ` +
      `logged request on PostgreSQL and ${prisma.pglite} µs on PGlite (1 800 bound parameters through the query compiler), ` +
      "more than every other pipeline step together; the same rows as one `INSERT … SELECT FROM unnest($1::text[], …)` cost " +
      `${unnest.pg} µs and ${unnest.pglite} µs (\`scripts/bench/request-log-cost.ts\`). The bench found it, the lead ` +
      "changed `lib/request-log/prisma-writer.ts` (commit 89456a7). Gateway without a query, direct key: " +
      `${gatewayNow(rows)}. What is left is the per-request plumbing listed above; on PGlite the log's inserts also run ` +
      "on the Node thread (WebAssembly).",
    "- **Query: Prisma settings (measured, nothing kept).** `relationLoadStrategy` does not apply (the list loads no relations). " +
      "Prisma 7 already caches the compiled plan per query shape (`queryPlanCacheMaxSize`, default 1000). Selecting 11 instead " +
      "of 12 columns, a flat `where` instead of `AND: [filters, {}]`, pool sizes 2 / 4 / 10 / 20 and named prepared statements " +
      "(`statementNameGenerator`, PostgreSQL skips parse + plan) changed one-at-a-time latency by 0–35 % from run to run but " +
      "not the throughput of 16 concurrent `listJobs` calls (≈ 2 300–2 900 req/s in every variant; the bare driver ≈ 6 000): " +
      "the limit is Node CPU in Prisma's client and the adapter, not the database. So `lib/hauling` and `lib/db` are unchanged.",
    "- **Query: raw SQL for hot list endpoints (not done).** It would save the client-side share shown in the per-step table " +
      "(Prisma `listJobs` vs the bare driver), at most lifting the endpoint to the gateway figure " +
      `(${queryCeiling(rows)}). It would move the tenant filter (\`ownedBy\`), cursor decoding and row mapping out of the ` +
      "typed client that enforces them for every resource — the one place a tenant-isolation bug would be introduced — and, " +
      "with the bare driver still at ≈ 165 µs per query on top of the gateway, not reach 85 % either. Not worth that risk.",
    "- **Response caching with invalidation (not done).** A cached page per (tenant, query) would serve hits at the gateway " +
      "figure. But jobs change through the API, dispatches (which set `DISPATCHED`), the web app and the operator CLI (another " +
      "process writing to the same database) on possibly several instances: correct invalidation needs a shared channel " +
      "(PostgreSQL `LISTEN/NOTIFY`, already used for key revocation, or Redis) on every write path, and a TTL-only cache " +
      "would break read-your-writes for API clients (a job created, then missing from the day's list). A dispatch board " +
      "writes all day, so hits would be rare exactly when load is high. Not worth the risk for a benchmark ratio.",
    "- **More throughput overall (deployment).** Node serves on one core: one instance per core behind a load balancer (with " +
      "the PostgreSQL or Redis rate-limit store) multiplies the API and the bare route alike; it does not change the ratio.",
  ];
}
