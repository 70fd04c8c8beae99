/**
 * How stale can another instance's read cache be? Measures, on PostgreSQL, the time from a hauling
 * write's acknowledgement (its commit returned to the writer) to the moment another process, LISTENing
 * like lib/api/change-listener.ts, handles the trigger's notification — the window in which that
 * process may still answer a cached GET from before the write. The listener runs idle, then with its
 * event loop half busy (slices of synchronous work, as when serving requests).
 *   TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres node --conditions=react-server --import tsx scripts/bench/notify-latency.ts
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { pgClientExecutor } from "@/lib/db/sql-executor";
import { withDatabaseName } from "@/lib/db/testing";
import { HAULING_CHANGED_CHANNEL } from "@/lib/read-cache/hauling-changes";

const now = () => performance.timeOrigin + performance.now();

async function listen(url: string, busyMs: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on("notification", (message) => process.send?.({ tenant: message.payload, at: now() }));
  await client.connect();
  await client.query(`LISTEN ${HAULING_CHANGED_CHANNEL}`);
  if (busyMs > 0) {
    setInterval(() => {
      const until = performance.now() + busyMs;
      while (performance.now() < until);
    }, busyMs * 2);
  }
  process.send?.({ ready: true });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function measure(url: string, busyMs: number, writers: number, perWriter: number): Promise<string> {
  const child = fork(fileURLToPath(import.meta.url), ["listen", url, String(busyMs)], { execArgv: ["--conditions=react-server", "--import", "tsx"] });
  const waiting = new Map<string, (at: number) => void>();
  await new Promise<void>((resolve) => {
    child.on("message", (m: { ready?: boolean; tenant?: string; at?: number }) => {
      if (m.ready) resolve();
      else if (m.tenant && m.at) waiting.get(m.tenant)?.(m.at);
    });
  });
  const pool = new pg.Pool({ connectionString: url, max: writers });
  pool.on("error", () => undefined); // connections are dropped with the database at the end
  const tenants = await Promise.all(
    Array.from(
      { length: writers },
      async (_, i) =>
        (await pool.query<{ id: string }>(`INSERT INTO "Company" (id, name) VALUES (gen_random_uuid()::text, $1) RETURNING id`, [`w${i}`])).rows[0]?.id ?? "",
    ),
  );
  const delays: number[] = [];
  await Promise.all(
    tenants.map(async (tenant) => {
      for (let i = 0; i < perWriter; i++) {
        const arrived = new Promise<number>((resolve) => waiting.set(tenant, resolve));
        await pool.query(`INSERT INTO "Driver" (id, "companyId", name, "updatedAt") VALUES (gen_random_uuid()::text, $1, 'x', now())`, [tenant]);
        const acknowledged = now();
        delays.push(Math.max(0, (await arrived) - acknowledged));
      }
    }),
  );
  child.kill();
  await pool.end();
  delays.sort((a, b) => a - b);
  const ms = (v: number) => v.toFixed(2);
  return `listener busy ${busyMs ? `${busyMs} ms of every ${busyMs * 2}` : "no"}, ${writers} writer(s), n=${delays.length}: p50 ${ms(percentile(delays, 50))} ms, p99 ${ms(percentile(delays, 99))} ms, max ${ms(delays.at(-1) ?? 0)} ms`;
}

if (process.argv[2] === "listen") {
  await listen(process.argv[3] ?? "", Number(process.argv[4]));
} else {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error("Set TEST_DATABASE_URL to a PostgreSQL server");
  const name = `klau_notify_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = withDatabaseName(server, name);
  try {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await applyMigrations(pgClientExecutor(client));
    await client.end();
    for (const [busyMs, writers, perWriter] of [
      [0, 1, 500],
      [0, 20, 50],
      [5, 1, 500],
      [20, 20, 50],
    ] as const) {
      console.log(await measure(url, busyMs, writers, perWriter));
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}
