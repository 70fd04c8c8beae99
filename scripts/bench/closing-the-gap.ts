import { find, pct, rps } from "./format";
import { INVESTIGATION } from "./investigation";
import { API_DIRECT, API_DIRECT_UNCACHED, BARE, type Row } from "./report-types";

/** "x % → y %" per database: the endpoint with the read cache off and as shipped. */
function cacheEffect(rows: Row[]): string {
  const parts: string[] = [];
  for (const database of [...new Set(rows.map((r) => r.database))]) {
    const bare = find(rows, database, BARE);
    const off = find(rows, database, API_DIRECT_UNCACHED);
    const on = find(rows, database, API_DIRECT);
    if (bare && off && on) parts.push(`${database} ${pct(rps(off) / rps(bare))} → ${pct(rps(on) / rps(bare))}`);
  }
  return parts.join(", ");
}

/** What closed the gap, what else was tried, and why the rest was left. */
export function closingTheGap(rows: Row[]): string[] {
  const { requestLogPrisma: prisma, requestLogUnnest: unnest, requestLogJson: json, requestLogJsonThreads: threads, embeddedLogOnOff: onOff } = INVESTIGATION;
  return [
    "### What closed the gap, and what we did not do",
    "",
    "At 85 % of the bare route the API may add about 18 % of the bare route's server time per request, for the gateway and the " +
      "data together. The bare route runs no query; one Prisma query costs several times that budget on its own (per-step " +
      "table). So the endpoint can only meet the target when a repeated " +
      "read does not query the database again.",
    "",
    `- **Read cache for the hauling resources (done; direct key, read cache off → as shipped: ${cacheEffect(rows)}).** ` +
      "`GET` answers of the nine hauling resources are kept per tenant and request target (path + query), as the exact bytes " +
      "the handler produced (encoded once), in a byte-bounded LRU (lru-cache, 32 MB, `KLAU_READ_CACHE_MB`). Authentication, tenancy, rate " +
      "limit, scopes and the request log still run on every request; only the query, row mapping and serialization are " +
      "skipped. Correctness does not rest on the TTL (60 s, a last resort): a trigger on every hauling table NOTIFYs the " +
      "tenant of each changed row at commit (`klau_hauling_changed`, whoever writes: any instance, the operator CLI, plain " +
      "SQL); each process LISTENs (PostgreSQL: a dedicated connection; PGlite: its one session) and drops that tenant's " +
      "answers. The instance that takes a write drops them before it answers, so the writer's next read sees it; a read that " +
      "started before a change cannot store its stale answer (generation check); while the LISTEN connection is down the " +
      "cache is off and cleared. Other instances see a change when its notification arrives (on one machine well under a " +
      "millisecond after commit). Answers that are not the hauling tables' (usage, companies/current) are never cached.",
    "- **Embedded database on its own thread (done).** PGlite runs its SQL in WebAssembly on the thread that calls it. In " +
      "the app's thread, every request-log insert and every query took time from serving requests: with the request log " +
      `switched off in an A/B build the jobs endpoint went from ${onOff.inProcess.on} to ${onOff.inProcess.off} µs per request ` +
      "at saturation. PGlite now runs on a worker thread and serves the PostgreSQL protocol on a Unix socket " +
      "(`lib/db/embedded-server.mjs`); the app reaches it with `pg` and Prisma's pg adapter, as it reaches a PostgreSQL " +
      `server. With it the log on and off measure the same (${onOff.ownThread.on} and ${onOff.ownThread.off} µs), the ` +
      `writer's serving-thread share per logged request fell from ${json.pglite} µs to ${threads.pglite.main} µs (of ` +
      `${threads.pglite.cpu} µs on both threads), and a cache miss no longer runs its SQL on the serving thread. The ` +
      "socket carries PGlite's own protocol output; our framing hands it each request whole, up to Sync, so a failed " +
      "statement (a unique violation in the idempotency store) leaves the connection usable, which pglite-socket did not.",
    `- **Request log (done).** The request log is written off the request path, but from the Node thread that serves the API. ` +
      `Prisma's \`createMany\` of a 200-row batch cost ${prisma.pg} µs of Node CPU per logged request on PostgreSQL and ` +
      `${prisma.pglite} µs on PGlite; one \`INSERT … SELECT FROM unnest(…)\` of one array per column (commit 89456a7) ` +
      `${unnest.pg} µs and ${unnest.pglite} µs; one \`json_to_recordset\` of a single JSON parameter, now, ${json.pg} µs and ` +
      `${json.pglite} µs (\`scripts/bench/request-log-cost.ts\`). \`lastUsedAt\` is one raw \`UPDATE\` per flush, and a ` +
      "flush takes up to 5 000 entries (was 200, then 1 000), so its fixed cost is spread over more requests; it is serialized " +
      "500 entries per turn of the event loop and sent as bytes on the pool of Prisma's adapter (`executeStatement`), so no " +
      "request waits behind a whole batch's JSON.",
    "- **Query: Prisma settings (measured, nothing kept).** `relationLoadStrategy` does not apply (the list loads no relations). " +
      "Prisma 7 already caches the compiled plan per query shape (`queryPlanCacheMaxSize`, default 1000). Selecting 11 instead " +
      "of 12 columns, a flat `where` instead of `AND: [filters, {}]`, pool sizes 2 / 4 / 10 / 20 and named prepared statements " +
      "(`statementNameGenerator`) changed one-at-a-time latency by 0–35 % from run to run but not the throughput of 16 " +
      `concurrent \`listJobs\` calls (≈ ${INVESTIGATION.listJobsPerSecond} req/s in every variant; the bare driver ≈ ` +
      `${INVESTIGATION.bareDriverPerSecond}, \`scripts/bench/query-variants.ts\`): the limit is Node CPU in Prisma's client ` +
      "and the adapter, not the database.",
    "- **Query: one SQL statement for the jobs list (done, issue 14).** `listJobs` sends one parameterized statement " +
      "(lib/hauling/jobs/list-sql.ts) instead of `findMany` + `toJob`, and PostgreSQL formats the dates as the response's " +
      "strings: a cache miss on the fast path cost about a third less. The statement then left Prisma's client: " +
      "`selectRows` (lib/db/pool-statements.ts) sends it to the pg pool Prisma's adapter itself uses (same connections; inside " +
      "a transaction it stays on Prisma's `$queryRaw`), which took the fast path's miss from about 450 to about 310 µs of " +
      "server CPU. Jobs only: it is the list integrations poll. The tenant is the statement's first condition, every " +
      "value a bound parameter; tests hold it to the typed path (a listed job is byte for byte what `getJob` returns, " +
      "isolation and paging on both databases). The other resources keep the typed client.",
    "- **More throughput overall (deployment).** Node serves on one core: one instance per core behind a load balancer (with " +
      "the PostgreSQL or Redis rate-limit store; each instance has its own read cache, kept true by the same notifications) " +
      "multiplies the API and the bare route alike; it does not change the ratio.",
  ];
}
