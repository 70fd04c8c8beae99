import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { OpenedDatabase } from "./opened";
import { openEmbedded } from "./open-embedded";
import { readLiveOwner } from "./ownership";

// The embedded database as the app opens it: PGlite on its own thread behind a Unix socket
// (lib/db/embedded-server.mjs), reached through `pg` and Prisma's pg adapter.
let dataRoot: string | null = null;
let opened: OpenedDatabase | null = null;

async function open(): Promise<OpenedDatabase> {
  dataRoot ??= fs.mkdtempSync(path.join(os.tmpdir(), "klau-embedded-"));
  opened = await openEmbedded({ kind: "embedded", dataDir: path.join(dataRoot, "pglite") });
  return opened;
}

afterEach(async () => {
  await opened?.close();
  opened = null;
  if (dataRoot) fs.rmSync(dataRoot, { recursive: true, force: true });
  dataRoot = null;
});

// The first open runs every migration in WebAssembly on a worker: tens of seconds on a loaded 2-core machine.
describe("the embedded database on its own thread", { timeout: 120_000 }, () => {
  it("migrates on first open, and keeps what was written across a close and reopen", async () => {
    const first = await open();
    expect(first.migrated?.applied.length).toBeGreaterThan(0);
    const company = await first.db.company.create({ data: { name: "Kept across restarts" } });
    await first.close();
    opened = null;
    expect(readLiveOwner(dataRoot ?? "")).toBeNull();

    const second = await open();
    expect(second.migrated?.applied).toEqual([]);
    expect((await second.db.company.findUnique({ where: { id: company.id } }))?.name).toBe("Kept across restarts");
  });

  it("answers a failed statement with its error and goes on serving the same connection", async () => {
    const { db } = await open();
    const company = await db.company.create({ data: { name: "Unique" } });
    await expect(db.company.create({ data: { id: company.id, name: "Duplicate" } })).rejects.toMatchObject({ code: "P2002" });
    await expect(db.$queryRawUnsafe("SELECT * FROM no_such_table")).rejects.toThrow(/no_such_table/);
    expect(await db.company.count()).toBe(1);
  });

  it("runs concurrent queries and an interactive transaction without mixing them", async () => {
    const { db } = await open();
    const company = await db.company.create({ data: { name: "Busy" } });
    const rolledBack = db
      .$transaction(async (tx) => {
        await tx.customer.create({ data: { companyId: company.id, name: "Never committed" } });
        throw new Error("abort");
      })
      .catch((error: Error) => error.message);
    const writes = Array.from({ length: 20 }, (_, i) => db.customer.create({ data: { companyId: company.id, name: `Customer ${i}` } }));
    const reads = Array.from({ length: 20 }, () => db.customer.count({ where: { companyId: company.id } }));
    const [outcome] = await Promise.all([rolledBack, ...writes, ...reads]);
    expect(outcome).toBe("abort");
    const names = (await db.customer.findMany({ where: { companyId: company.id } })).map((c) => c.name);
    expect(names).toHaveLength(20);
    expect(names).not.toContain("Never committed");
  });

  it("delivers NOTIFY from the hauling tables' trigger to a listener, with the tenant id", async () => {
    const { db, notifications } = await open();
    const company = await db.company.create({ data: { name: "Notified" } });
    const payloads: string[] = [];
    await notifications?.listen("klau_hauling_changed", (payload) => payloads.push(payload));
    await db.customer.create({ data: { companyId: company.id, name: "Triggers a notification" } });
    await expect.poll(() => payloads, { timeout: 5_000 }).toContain(company.id);
  });
});
