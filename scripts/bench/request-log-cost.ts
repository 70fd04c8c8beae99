// Investigation tool (not run by `npm run bench`): Node CPU per logged request of the request-log
// flush — Prisma `createMany` of a 200-row batch (the writer until commit 89456a7) against the
// current writer's one `INSERT … SELECT FROM json_to_recordset(…)` of the same rows (one JSON
// parameter; the `unnest` of one array per column before it cost 7 µs), and the per-flush lastUsedAt
// update. Inserts and then deletes its own rows; needs a migrated database no server holds:
//   DATABASE_URL=postgresql://…/klau_x npx tsx --conditions=react-server scripts/bench/request-log-cost.ts   (or KLAU_DATA_DIR=…)
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { cpuUsage } from "node:process";
import { getDb } from "@/lib/db/client";
import { DEMO } from "@/lib/db/demo";
import type { RequestLogEntry } from "@/lib/request-log/buffer";
import { requestLogWriter } from "@/lib/request-log/writer";
import { runDbScript } from "./run-db-script";

const PATH = "/bench/request-log-cost";
const BATCH = 200;
const DEMO_KEY_ID = "00000000-0000-4000-8000-000000000000";
const ROUNDS = 30;

const batch = (): RequestLogEntry[] =>
  Array.from({ length: BATCH }, () => ({
    apiKeyId: null,
    consoleUserId: null,
    companyId: DEMO.companies.north.id,
    vendorId: null,
    method: "GET",
    path: PATH,
    status: 200,
    durationMs: 3,
    requestId: randomUUID(),
    errorCode: null,
    scope: "read:jobs",
    createdAt: new Date(),
  }));

/**
 * Mean wall time per batch, this process's CPU per logged row (every thread: with the embedded
 * database that includes PGlite's own thread) and the main thread's share: what the thread that
 * serves HTTP spends on it.
 */
async function cost(label: string, insert: (rows: RequestLogEntry[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 5; i++) await insert(batch());
  const rows = Array.from({ length: ROUNDS }, batch);
  const started = performance.now();
  const cpu0 = cpuUsage();
  const loop0 = performance.eventLoopUtilization();
  for (const r of rows) await insert(r);
  const cpu = cpuUsage(cpu0);
  const mainMs = performance.eventLoopUtilization(loop0).active;
  const wall = (performance.now() - started) / ROUNDS;
  const perRow = (micros: number) => (micros / ROUNDS / BATCH).toFixed(0);
  console.log(
    `${label}: ${wall.toFixed(1)} ms per ${BATCH}-row batch, ${perRow(cpu.user + cpu.system)} µs CPU per logged request, ${perRow(mainMs * 1000)} µs of it on the main thread`,
  );
}

async function main(): Promise<void> {
  const db = await getDb();
  const writer = requestLogWriter(db);
  await cost("Prisma createMany (the writer before commit 89456a7)", (rows) => db.apiRequestLog.createMany({ data: rows }));
  await cost("INSERT … SELECT FROM json_to_recordset (lib/request-log/writer.ts)", (rows) => writer.insert(rows));
  await cost("touchKeys, one raw UPDATE per flush", () => writer.touchKeys(new Map([[DEMO_KEY_ID, new Date()]])));
  await db.apiRequestLog.deleteMany({ where: { path: PATH } });
}

runDbScript(main);
