import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { OpenedDatabase } from "@/lib/db/opened";
import { openEmbedded } from "@/lib/db/open-embedded";
import { createTestDatabase } from "@/lib/db/testing";
import { makeDispatchable, makeTenant } from "@/lib/hauling/testing/fixtures";
import { generateApiKey } from "@/lib/keys/format";
import { runPipeline } from "./pipeline";
import { createDispatchRoute, databaseDeps, idempotentPost } from "./testing-database";

/**
 * Issue 8 §2: a process killed between an idempotent write and its record's completion must not
 * let a retry execute the write a second time. A real crash: a child process runs the request and
 * SIGKILLs itself at that moment (KLAU_TEST_CRASH_AFTER_WRITE=1); this process then retries on the
 * same database — PostgreSQL (TEST_DATABASE_URL) or the embedded one, reopened after the crash.
 */
const CHILD = path.resolve("lib/api/idempotency-crash-child.ts");
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

type Database = {
  db: Db;
  env: Record<string, string>;
  /** Lets the child open the database (the embedded one has one owner at a time). */
  handOver(): Promise<void>;
  /** This process's client again, after the child died. */
  reopen(): Promise<Db>;
};

/** A migrated database this process and a child can take turns on. */
async function database(): Promise<Database> {
  if (process.env.TEST_DATABASE_URL) {
    const t = await createTestDatabase();
    cleanups.push(() => t.cleanup());
    return { db: t.db, env: { DATABASE_URL: t.url ?? "" }, handOver: async () => undefined, reopen: async () => t.db };
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "klau-crash-"));
  const target = { kind: "embedded", dataDir: path.join(root, "pglite") } as const;
  let opened: OpenedDatabase | null = await openEmbedded(target);
  cleanups.push(async () => {
    await opened?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });
  return {
    db: opened.db,
    env: { KLAU_DATA_DIR: root },
    handOver: async () => {
      await opened?.close();
      opened = null;
    },
    reopen: async () => {
      opened = await openEmbedded(target);
      return opened.db;
    },
  };
}

function runChild(env: Record<string, string>, args: string[]): Promise<{ signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", CHILD, ...args],
      { env: { ...base, ...env }, timeout: 120_000 },
      (_error, stdout, stderr) => {
        resolve({ signal: child.signalCode, stdout, stderr });
      },
    );
  });
}

describe("an Idempotency-Key retry after a crash between the write and its commit", () => {
  it("the crashed request left no write; the retry executes it once; later retries replay it", { timeout: 150_000 }, async () => {
    const setup = await database();
    const tenantId = await makeTenant(setup.db, "Crash Co");
    const rows = await makeDispatchable(setup.db, tenantId);
    const key = generateApiKey();
    await setup.db.apiKey.create({
      data: { kind: "DIRECT", companyId: tenantId, name: "crash", prefix: key.prefix, last4: key.last4, hash: key.hash, scopes: ["write:all", "read:all"] },
    });
    const body = JSON.stringify({ jobId: rows.job.id, driverId: rows.driver.id, truckId: rows.truck.id });
    await setup.handOver();

    const crashed = await runChild({ ...setup.env, KLAU_TEST_CRASH_AFTER_WRITE: "1" }, [key.secret, "crash-1", body]);
    expect(crashed.signal, crashed.stderr).toBe("SIGKILL");

    const db = await setup.reopen();
    // Nothing of the write committed (the dispatch and the job's new status went together) …
    expect(await db.dispatch.count({ where: { companyId: tenantId } })).toBe(0);
    expect((await db.job.findUniqueOrThrow({ where: { id: rows.job.id } })).status).toBe("PENDING");
    // … and the claim is there, unfinished.
    const record = await db.idempotencyRecord.findFirstOrThrow({ where: { tenantId, key: "crash-1" } });
    expect(record.completedAt).toBeNull();

    const deps = databaseDeps(db);
    const retry = () => runPipeline(idempotentPost(key.secret, "crash-1", body), {}, createDispatchRoute.spec, createDispatchRoute.handler, deps);
    const early = await retry();
    expect([early.status, (await early.json()).error.code]).toEqual([409, "IDEMPOTENCY_KEY_IN_USE"]);

    // A minute later the record counts as abandoned: the retry takes it over and executes once.
    await db.idempotencyRecord.updateMany({ where: { id: record.id }, data: { createdAt: new Date(Date.now() - 2 * 60_000) } });
    const executed = await retry();
    expect(executed.status).toBe(201);
    const created = await executed.text();
    const replayed = await retry();
    expect([replayed.status, replayed.headers.get("idempotent-replayed"), await replayed.text()]).toEqual([201, "true", created]);
    expect(await db.dispatch.count({ where: { companyId: tenantId } })).toBe(1);
    expect((await db.job.findUniqueOrThrow({ where: { id: rows.job.id } })).status).toBe("DISPATCHED");
  });
});
