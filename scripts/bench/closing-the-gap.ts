import { find, pct, rps } from "./format";
import { API_DIRECT, BARE, PIPELINE_DIRECT, type Row } from "./report-types";

/** The pipeline-without-query ratio: what the endpoint would reach if its query cost nothing. */
function ceilingOfQueryWork(rows: Row[]): string {
  const parts: string[] = [];
  for (const database of [...new Set(rows.map((r) => r.database))]) {
    const bare = find(rows, database, BARE);
    const pipeline = find(rows, database, PIPELINE_DIRECT);
    const api = find(rows, database, API_DIRECT);
    if (bare && pipeline && api) parts.push(`${database} ${pct(rps(api) / rps(bare))} → at most ${pct(rps(pipeline) / rps(bare))}`);
  }
  return parts.join(", ");
}

/** What would close the gap, and why we did or did not do it (text; the figures come from this run). */
export function closingTheGap(rows: Row[]): string[] {
  return [
    "### What would close the gap, and what we did",
    "",
    "The 85 % target is reachable for the gateway itself; the real endpoint cannot reach it while every request runs one " +
      "database query and the bare route runs none. Options, with what they would buy:",
    "",
    `- **Make the query cheaper (done where measured).** No relations are loaded (\`relationLoadStrategy\` does not apply), ` +
      "Prisma caches the compiled query plan per query shape (Prisma 7 `queryPlanCacheMaxSize`, default 1000), and the pool size " +
      "barely matters at 16 concurrent requests (see `scripts/bench/query-variants.ts`). Selecting fewer columns saves nothing " +
      "measurable: the page needs 11 of the 12 columns. Even a query that cost nothing would only lift the endpoint to the " +
      `pipeline-without-query figure (${ceilingOfQueryWork(rows)}).`,
    "- **Raw SQL for hot list endpoints (not done).** The per-step table prices it: the same SQL through Prisma's raw query " +
      "path and on the bare driver against `listJobs`. The saving is the client-side share only (the round trip and " +
      "PostgreSQL's own work stay), and it would take the tenant filter (`ownedBy`), cursor decoding and row mapping out of the typed " +
      "client that enforces them for every resource — the one place a tenant-isolation bug would be introduced. Not worth it for a " +
      "fraction of the gap.",
    "- **Response caching with invalidation (not done).** Serving a cached page per (tenant, query) would bring the endpoint " +
      "to the pipeline-without-query figure on hits. But jobs change through the API, dispatches (which set `DISPATCHED`), the " +
      "web app and the operator CLI (another process writing to the same database), and on several instances; correct " +
      "invalidation needs a shared channel (PostgreSQL `LISTEN/NOTIFY` or Redis pub/sub) on every write path, and a TTL-only " +
      "cache would break read-your-writes for API clients (a job created, then missing from the day's list). The dispatch-board " +
      "workload this API serves is write-heavy during the day, so hit rates would be low exactly when load is high.",
    "- **More throughput overall (deployment, not code).** Node serves on one core: running one instance per core behind a " +
      "load balancer multiplies both the API and the bare route; it does not change the ratio.",
  ];
}
