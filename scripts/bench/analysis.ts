import { find, pct, rps, us, usPerRequest } from "./format";
import { databaseKey, INVESTIGATION } from "./investigation";
import {
  API_DIRECT,
  API_DIRECT_UNCACHED,
  API_VENDOR,
  API_VENDOR_UNCACHED,
  BARE,
  BARE_PLAIN,
  PIPELINE_DIRECT,
  PIPELINE_VENDOR,
  RAW,
  type Row,
  TARGET_RATIO,
} from "./report-types";
import type { StepCosts } from "./run-step-costs";

/** Step names in step-costs.ts, matched by prefix. */
export const STEP = {
  verify: "verifyKey, cache hit",
  limiter: "rate limiter",
  parse: "query parse",
  json: "JSON serialization",
  cacheHit: "read cache: stored answer found",
  listJobs: "jobs query: listJobs",
  typed: "typed query it replaced",
  viaPrisma: "same statement through Prisma's $queryRaw",
} as const;

function stepUs(steps: StepCosts | undefined, prefix: string): number | undefined {
  return steps?.steps.find((s) => s.step.startsWith(prefix))?.us;
}

function verdict(ratio: number): string {
  const points = (ratio - TARGET_RATIO) * 100;
  const amount = (p: number) => (p < 1 ? `${p.toFixed(1)} points` : `${Math.round(p)} point${Math.round(p) === 1 ? "" : "s"}`);
  if (ratio < TARGET_RATIO) return `**missed** by ${amount(-points)}`;
  return `**met** (${points < 0.05 ? "at the target" : `${amount(points)} above the target`})`;
}

const MEASURES = [
  { label: "gateway overhead: pipeline without DB query, direct key", target: PIPELINE_DIRECT },
  { label: "gateway overhead: pipeline without DB query, vendor key", target: PIPELINE_VENDOR },
  { label: "**real endpoint** `GET /api/v1/jobs?date=…` as shipped, direct key", target: API_DIRECT },
  { label: "**real endpoint** `GET /api/v1/jobs?date=…` as shipped, vendor key", target: API_VENDOR },
  { label: "real endpoint with the read cache off (every request queries), direct key", target: API_DIRECT_UNCACHED },
  { label: "real endpoint with the read cache off (every request queries), vendor key", target: API_VENDOR_UNCACHED },
];

function databases(rows: Row[]): string[] {
  return [...new Set(rows.filter((r) => r.target !== RAW).map((r) => r.database))];
}

/** Each measure's ratio of the bare route, per database. */
function ratios(rows: Row[], targets: string[]): number[] {
  return databases(rows).flatMap((d) => {
    const bare = find(rows, d, BARE);
    return targets.map((t) => find(rows, d, t)).flatMap((r) => (bare && r ? [rps(r) / rps(bare)] : []));
  });
}

function targetsTable(rows: Row[]): string[] {
  const lines = ["| Database | Measure (vs bare route) | Target | Measured | Verdict |", "|---|---|---:|---:|---|"];
  for (const database of databases(rows)) {
    const bare = find(rows, database, BARE);
    if (!bare) continue;
    for (const m of MEASURES) {
      const row = find(rows, database, m.target);
      if (!row) continue;
      const ratio = rps(row) / rps(bare);
      lines.push(
        `| ${database} | ${m.label} | ${pct(TARGET_RATIO)} | ${pct(ratio)} (${Math.round(rps(row))} of ${Math.round(rps(bare))} req/s) | ${verdict(ratio)} |`,
      );
    }
  }
  return lines;
}

/** One plain sentence: which targets this run met, and the lowest and highest ratio of each kind. */
function summary(rows: Row[]): string {
  const gateway = ratios(rows, [PIPELINE_DIRECT, PIPELINE_VENDOR]);
  const endpoint = ratios(rows, [API_DIRECT, API_VENDOR]);
  const uncached = ratios(rows, [API_DIRECT_UNCACHED, API_VENDOR_UNCACHED]);
  const range = (list: number[]) => `${pct(Math.min(...list))}–${pct(Math.max(...list))}`;
  const met = (list: number[]) => `${list.filter((r) => r >= TARGET_RATIO).length} of ${list.length}`;
  if (gateway.length === 0 || endpoint.length === 0) return "";
  const offPart = uncached.length > 0 ? `; with the read cache off, when every request queries the database, it reaches ${range(uncached)}` : "";
  return (
    `**In short:** the real jobs endpoint as shipped reaches ${range(endpoint)} of the bare route (${met(endpoint)} ` +
    `measurements meet ${pct(TARGET_RATIO)}); the gateway alone, without a query, reaches ${range(gateway)} ` +
    `(${met(gateway)})${offPart}.`
  );
}

/** Per-request server time of the gateway, of a cache hit and of the query, from the targets of one database. */
function whereTimeGoes(rows: Row[], database: string, steps: StepCosts | undefined): string | null {
  const bare = find(rows, database, BARE);
  const pipeline = find(rows, database, PIPELINE_DIRECT);
  const api = find(rows, database, API_DIRECT);
  if (!bare || !pipeline || !api) return null;
  const uncached = find(rows, database, API_DIRECT_UNCACHED);
  const gateway = usPerRequest(pipeline) - usPerRequest(bare);
  const parts = [
    { label: "key verification (cache hit)", value: stepUs(steps, STEP.verify) },
    { label: "rate limiter", value: stepUs(steps, STEP.limiter) },
    { label: "zod query parse", value: stepUs(steps, STEP.parse) },
    { label: "JSON serialization", value: stepUs(steps, STEP.json) },
  ].filter((p): p is { label: string; value: number } => p.value !== undefined);
  const known = parts.reduce((sum, p) => sum + p.value, 0);
  const hit = stepUs(steps, STEP.cacheHit);
  const listed = stepUs(steps, STEP.listJobs);
  const typed = stepUs(steps, STEP.typed);
  const viaPrisma = stepUs(steps, STEP.viaPrisma);
  const uncachedPart = uncached
    ? `; with the read cache off it takes ${us(usPerRequest(uncached))} µs (${signed(usPerRequest(uncached) - usPerRequest(pipeline))} µs against the pipeline without a query; \`/api/v1\` takes the fast path while the bench routes go through Next, so the query's own cost is in the fast-path section)`
    : "";
  const lines = [
    `- **${database}:** per request (1 / throughput at saturation) the bare route takes ${us(usPerRequest(bare))} µs, ` +
      `the pipeline without a query ${us(usPerRequest(pipeline))} µs (gateway: ${signed(gateway)} µs), the real endpoint as shipped ` +
      `${us(usPerRequest(api))} µs (${signed(usPerRequest(api) - usPerRequest(bare))} µs over the bare route)${uncachedPart}.`,
  ];
  if (parts.length > 0) {
    lines.push(
      `  - Gateway: the steps measured alone add up to ${us(known)} µs (${parts.map((p) => `${p.label} ${us(p.value)}`).join(", ")}); ` +
        "the rest is the request-log flush (one `INSERT … SELECT FROM json_to_recordset` per batch of up to 5 000, serialized 500 entries at a time between requests, off the request " +
        `path; ≈ ${INVESTIGATION.requestLogJsonThreads[databaseKey(database)].main} µs per logged request on the serving thread, ` +
        "measured alone, while the database does the insert in its own process or thread) and the pipeline's per-request " +
        "plumbing: request id, the rate-limit and id headers, the `URL` " +
        "parse, tenant and scope checks, a `Headers` object, promise hops and garbage collection. Differences of a few " +
        "µs between targets are within the spread of the rounds.",
    );
  }
  if (hit !== undefined) {
    lines.push(
      `  - Cache hit: finding the stored answer takes ${us(hit)} µs; it replaces the zod parse, the handler's query, the row ` +
        "mapping, the JSON serialization and its UTF-8 encoding (the answer is kept as bytes), so a hit costs what the " +
        "gateway costs and nothing more.",
    );
  }
  if (listed !== undefined) {
    const viaTyped = typed !== undefined ? `; the typed query it replaced (\`findMany\`, then \`toJob\`) ${us(typed)} µs` : "";
    const throughPrisma = viaPrisma !== undefined ? `; the same statement through Prisma's \`$queryRaw\` ${us(viaPrisma)} µs` : "";
    lines.push(
      `  - Query (cache miss): \`listJobs\` alone (one call at a time, one SQL statement on the pool of Prisma's adapter, \`selectRows\`) takes ${us(listed)} µs${throughPrisma}${viaTyped}. ` +
        (database.includes("PGlite")
          ? "PGlite executes the SQL in WebAssembly on its own worker thread (lib/db/embedded-server.mjs), so the serving thread pays only the client side (the pg protocol and row parsing), as with PostgreSQL; PGlite is one session, so queries wait for each other there."
          : "PostgreSQL executes the SQL in its own process, so only the client side (the pg protocol and row parsing) is Node time; under load the two processes and autocannon compete for the machine's cores."),
    );
  }
  return lines.join("\n");
}

function signed(value: number): string {
  return value < 0 ? `−${us(-value)}` : `+${us(value)}`;
}

function ceiling(rows: Row[]): string[] {
  const raw = rows.find((r) => r.target === RAW);
  // Both sent a plain GET: the raw server gets no query string or key either.
  const bare = rows.find((r) => r.target === BARE_PLAIN) ?? rows.find((r) => r.target === BARE);
  if (!raw || !bare) return [];
  return [
    `- **Raw http ceiling:** the bare Next route reaches ${pct(rps(bare) / rps(raw))} of a raw Node \`http\` server returning the same bytes to the same plain request ` +
      `(${us(usPerRequest(bare))} µs vs ${us(usPerRequest(raw))} µs per request). That distance is the framework (routing, Web ` +
      "`Request`/`Response` objects, response streaming, its async context) and is the same for every route; no change to the " +
      "pipeline can recover it. The API as shipped is as far from that ceiling as the bare route, plus the gateway's share above.",
  ];
}

export function analysis(rows: Row[], steps: StepCosts[]): string[] {
  const holds = databases(rows)
    .map((d) =>
      whereTimeGoes(
        rows,
        d,
        steps.find((s) => s.database === d),
      ),
    )
    .filter((line): line is string => line !== null);
  return [
    "### Targets",
    "",
    summary(rows),
    "",
    "The target applies to the real endpoint. The bench repeats one read, so after the first request the shipped endpoint answers " +
      "from the read cache (lib/read-cache), as it does for a client polling a day's jobs. A read right after the tenant's data changed runs the query once; the read-cache-off rows show what every such read " +
      "costs. Each figure is the median of its rounds; the rounds column in the table above shows their spread.",
    "",
    ...targetsTable(rows),
    "",
    "### What holds the API there",
    "",
    ...holds,
    ...ceiling(rows),
  ];
}
