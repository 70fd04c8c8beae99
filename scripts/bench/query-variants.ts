// Investigation tool (not run by `npm run bench`): what one `GET /api/v1/jobs?date=…` query costs
// (listJobs' one statement on the adapter's pool and through Prisma 7, the typed findMany it replaced, the statement on the bare driver), and how throughput under concurrency
// depends on the pool size. Needs a migrated, seeded database that no server holds open:
//   DATABASE_URL=postgresql://…/klau_x npx tsx --conditions=react-server scripts/bench/query-variants.ts   (or KLAU_DATA_DIR=…)
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { getDb, openedDatabase } from "@/lib/db/client";
import { DEMO } from "@/lib/db/demo";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { listJobsQuery } from "@/lib/hauling/jobs/schemas";
import { jobsPageSql } from "@/lib/hauling/jobs/list-sql";
import { listJobs } from "@/lib/hauling/jobs/service";
import { fromDay } from "@/lib/hauling/shared/dates";
import { typedJobsOfDay } from "./jobs-sql";
import { timeAsync } from "./timing";
import { runDbScript } from "./run-db-script";

const N = 500;
const tenantId = DEMO.companies.north.id;
const day = fromDay("2026-03-15");
/** Requests/s with `concurrency` loops issuing `fn` back to back for `ms`. */
async function throughput(concurrency: number, ms: number, fn: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const until = performance.now() + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await fn();
        count++;
      }
    }),
  );
  return (count * 1000) / ms;
}

async function main(): Promise<void> {
  const opened = await openedDatabase();
  const db = await getDb();
  const query = listJobsQuery.parse({ date: "2026-03-15" });
  const statement = jobsPageSql(tenantId, query);
  const select = {
    id: true,
    customerId: true,
    siteId: true,
    materialId: true,
    serviceDate: true,
    type: true,
    status: true,
    containerSize: true,
    notes: true,
    createdAt: true,
    updatedAt: true,
  } as const;
  const out: Record<string, number> = {};
  const variants: Record<string, () => Promise<unknown>> = {
    "listJobs (one statement on the adapter's pool, selectRows)": () => listJobs(db, tenantId, query),
    "the same statement through Prisma's $queryRaw": () => db.$queryRaw(jobsPageSql(tenantId, query)),
    "typed query it replaced (findMany, then toJob)": () => typedJobsOfDay(db, tenantId, { ...query, date: "2026-03-15" }),
    "findMany, same where, select 11 columns": () =>
      db.job.findMany({
        where: { AND: [{ serviceDate: { equals: day }, companyId: tenantId }, {}] },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 26,
        select,
      }),
    "findMany, flat where (no AND wrapper)": () =>
      db.job.findMany({ where: { serviceDate: day, companyId: tenantId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 26 }),
    "SELECT 1 through Prisma ($queryRawUnsafe)": () => db.$queryRawUnsafe("SELECT 1"),
  };
  // Three rounds, best of each: the first round also warms the JIT, so order must not decide.
  for (let round = 0; round < 3; round++) {
    for (const [name, fn] of Object.entries(variants)) out[name] = Math.min(out[name] ?? Number.POSITIVE_INFINITY, await timeAsync(N, fn));
  }
  const target = opened.target;
  if (target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    out["listJobs' statement on the bare pg driver"] = await timeAsync(N, () => pool.query(statement.text, statement.values));
    out["SELECT 1 on the bare pg driver"] = await timeAsync(N, () => pool.query("SELECT 1"));
    out["throughput req/s: bare pg, pool 10, 16 concurrent"] = await throughput(16, 3000, () => pool.query(statement.text, statement.values));
    await pool.end();
    // Pool sizes, and named (server-side prepared) statements: PostgreSQL then skips parse + plan.
    const setups = [2, 4, 10, 20].map((max) => ({ label: `pool ${max}`, max, prepared: false }));
    setups.push({ label: "pool 10 + prepared statements", max: 10, prepared: true });
    for (const setup of setups) {
      const named = setup.prepared ? { statementNameGenerator: ({ sql }: { sql: string }) => `s_${createHash("sha1").update(sql).digest("hex")}` } : {};
      const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url, max: setup.max }, named) });
      await throughput(16, 500, () => listJobs(client, tenantId, query));
      out[`listJobs, ${setup.label}: one at a time, µs`] = await timeAsync(N, () => listJobs(client, tenantId, query));
      out[`listJobs, ${setup.label}: req/s with 16 concurrent`] = await throughput(16, 3000, () => listJobs(client, tenantId, query));
      await client.$disconnect();
    }
  } else {
    out["listJobs: req/s with 16 concurrent"] = await throughput(16, 3000, () => listJobs(db, tenantId, query));
  }
  for (const [name, value] of Object.entries(name2(out))) console.log(`${value.padStart(8)}  ${name}`);
}

function name2(out: Record<string, number>): Record<string, string> {
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v < 10 ? v.toFixed(2) : v.toFixed(0)]));
}

runDbScript(main);
