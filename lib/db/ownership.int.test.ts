import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openEmbedded } from "./open-embedded";
import { acquireOwnership, DatabaseOwnedError, readLiveOwner, releaseOwnership } from "./ownership";

// Two processes on one PGlite directory lose data: the second opener must be refused, clearly.
const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
// `node --import tsx` (not the tsx binary, which runs a second node process) so the pid is the owner's.
const nodeWithTsx = [process.execPath, "--conditions=react-server", "--import", "tsx"] as const;
let holder: ChildProcess | null = null;
let dataRoot = "";

function envFor(dir: string): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return { ...env, KLAU_DATA_DIR: dir };
}

function startHolder(dir: string): Promise<ChildProcess> {
  const child = spawn(nodeWithTsx[0], [...nodeWithTsx.slice(1), "lib/db/test-fixtures/hold-database.ts"], {
    cwd: root,
    env: envFor(dir),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready")) resolve(child);
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("exit", (code) => reject(new Error(`holder exited with ${code}: ${output}`)));
  });
}

afterEach(() => {
  releaseOwnership();
  holder?.kill("SIGKILL");
  holder = null;
  if (dataRoot) fs.rmSync(dataRoot, { recursive: true, force: true });
});

function runRacer(dir: string): Promise<string> {
  const child = spawn(nodeWithTsx[0], [...nodeWithTsx.slice(1), "lib/db/test-fixtures/race-ownership.ts", dir], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve) => child.on("exit", () => resolve(output.trim())));
}

// Each child process opens (and on first use migrates) the embedded database: slow on a loaded machine.
describe("embedded database shared by two processes", { timeout: 120_000 }, () => {
  it("lets exactly one of several processes racing for a directory with a stale lock win", async () => {
    dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "klau-race-"));
    const dead = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" });
    const stale = { pid: Number(dead.stdout.trim()), startedAt: new Date().toISOString(), token: "stale", socket: null };
    fs.writeFileSync(path.join(dataRoot, "owner.json"), JSON.stringify(stale));

    const outcomes = await Promise.all(Array.from({ length: 5 }, () => runRacer(dataRoot)));

    expect(outcomes.filter((outcome) => outcome === "won")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === "refused")).toHaveLength(4);
    expect(fs.readdirSync(dataRoot)).toEqual([]);
  }, 120_000);

  it("refuses a second opener while the first runs, and hands over once it stops", async () => {
    dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "klau-owned-"));
    holder = await startHolder(dataRoot);
    const pid = holder.pid;

    // In this process: the directory is owned by the holder.
    expect(readLiveOwner(dataRoot)?.pid).toBe(pid);
    expect(() => acquireOwnership(dataRoot)).toThrow(DatabaseOwnedError);
    await expect(openEmbedded({ kind: "embedded", dataDir: path.join(dataRoot, "pglite") })).rejects.toThrow(`is in use by process ${pid}`);

    // A third process (the migrate command) is refused with a clear message and exit code 1.
    const migrate = spawnSync(tsx, ["--conditions=react-server", "scripts/db-migrate.ts"], { cwd: root, env: envFor(dataRoot), encoding: "utf8" });
    expect(migrate.status).toBe(1);
    expect(migrate.stderr).toContain(`is in use by process ${pid}`);
    expect(migrate.stderr).not.toMatch(/\n\s+at /);

    // SIGTERM: the holder closes its database, releases the lock and exits.
    const exited = new Promise((resolve) => holder?.on("exit", resolve));
    holder.kill("SIGTERM");
    await exited;
    expect(readLiveOwner(dataRoot)).toBeNull();
    expect(fs.existsSync(path.join(dataRoot, "owner.json"))).toBe(false);

    // Now this process may open it, and finds what the holder wrote.
    const opened = await openEmbedded({ kind: "embedded", dataDir: path.join(dataRoot, "pglite") });
    try {
      const company = await opened.db.company.findUnique({ where: { id: "f0000000-0000-4000-8000-000000000001" } });
      expect(company?.name).toBe("Written by the holder");
    } finally {
      await opened.close();
    }
    expect(readLiveOwner(dataRoot)).toBeNull();
  });
});
