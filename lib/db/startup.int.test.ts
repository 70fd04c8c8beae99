import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "./client";
import { DEMO } from "./demo";
import { readLiveOwner } from "./ownership";
import { prepareDatabaseOnStart } from "./startup";

// The server's start on the embedded database: migrate, seed once, serve and publish the CLI relay.
let dataRoot = "";
const served: Array<{ dataRoot: string; token: string }> = [];
/** Stands in for the app's relay: records what it was asked to serve, answers a socket path. */
const serveCli = (name: string) => async (root: string, token: string) => {
  served.push({ dataRoot: root, token });
  return `/tmp/${name}.sock`;
};
const saved = { KLAU_DATA_DIR: process.env.KLAU_DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };

beforeAll(() => {
  dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "klau-startup-"));
  process.env.KLAU_DATA_DIR = dataRoot;
  delete process.env.DATABASE_URL;
});

afterAll(async () => {
  await disconnectDb();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  fs.rmSync(dataRoot, { recursive: true, force: true });
});

describe("prepareDatabaseOnStart (embedded)", () => {
  it("migrates, seeds the demo data and publishes the CLI relay's socket on the first start", async () => {
    const report = await prepareDatabaseOnStart(serveCli("first"));
    expect(report).toMatchObject({ kind: "embedded", seeded: true });
    expect(report.migrated.length).toBeGreaterThan(0);
    const db = await getDb();
    expect(await db.user.count({ where: { email: DEMO.users.northAdmin.email } })).toBe(1);
    const owner = readLiveOwner(dataRoot);
    expect(owner).toMatchObject({ pid: process.pid, socket: "/tmp/first.sock" });
    expect(served).toEqual([{ dataRoot, token: owner?.token }]);
  }, 180_000);

  it("does not bring deleted demo data back on the next start", async () => {
    const db = await getDb();
    await db.dispatch.deleteMany();
    await db.job.deleteMany();
    await disconnectDb();
    expect(readLiveOwner(dataRoot)).toBeNull();

    const report = await prepareDatabaseOnStart(serveCli("second"));
    expect(report).toMatchObject({ kind: "embedded", seeded: false, migrated: [] });
    expect(await (await getDb()).job.count()).toBe(0);
    await disconnectDb();
  }, 120_000);

  it("waits for a short-lived owner (e.g. a CLI command) to finish instead of failing", async () => {
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    try {
      const lock = path.join(dataRoot, "owner.json");
      fs.writeFileSync(lock, JSON.stringify({ pid: other.pid, startedAt: new Date().toISOString(), token: "cli", socket: null }));
      const starting = prepareDatabaseOnStart(serveCli("third"));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(readLiveOwner(dataRoot)?.token).toBe("cli");
      fs.rmSync(lock);
      expect(await starting).toMatchObject({ kind: "embedded", seeded: false });
      expect(readLiveOwner(dataRoot)?.socket).toBe("/tmp/third.sock");
    } finally {
      other.kill();
    }
  }, 120_000);
});
