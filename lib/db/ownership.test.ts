import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireOwnership, DatabaseOwnedError, type OwnerInfo, publishOwnerSocket, readLiveOwner, releaseOwnership } from "./ownership";

const dirs: string[] = [];
const children: ChildProcess[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "klau-owner-"));
  dirs.push(dir);
  return dir;
}

function writeLock(dir: string, owner: Partial<OwnerInfo>): void {
  const info = { pid: 1, startedAt: new Date().toISOString(), token: "someone-else", socket: null, ...owner };
  fs.writeFileSync(path.join(dir, "owner.json"), JSON.stringify(info));
}

function lockOf(dir: string): OwnerInfo {
  return JSON.parse(fs.readFileSync(path.join(dir, "owner.json"), "utf8"));
}

/** A real other process that is alive for the duration of the test. */
function liveOtherPid(): number {
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
  children.push(child);
  if (child.pid === undefined) throw new Error("could not spawn");
  return child.pid;
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.on("exit", resolve));
  if (child.pid === undefined) throw new Error("could not spawn");
  return child.pid;
}

afterEach(() => {
  releaseOwnership();
  for (const child of children.splice(0)) child.kill();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("embedded database ownership", () => {
  it("creates an owner-only lock with this process's pid and a secret token, and removes it on release", () => {
    const dir = tempDir();
    const info = acquireOwnership(dir);
    const file = path.join(dir, "owner.json");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(lockOf(dir)).toEqual({ pid: process.pid, startedAt: info.startedAt, token: info.token, socket: null });
    expect(info.token.length).toBeGreaterThanOrEqual(40);
    expect(readLiveOwner(dir)).toEqual(info);
    expect(acquireOwnership(dir)).toEqual(info);
    releaseOwnership();
    expect(fs.existsSync(file)).toBe(false);
    expect(readLiveOwner(dir)).toBeNull();
  });

  it("publishes the socket where the owner serves commands", () => {
    const dir = tempDir();
    const info = acquireOwnership(dir);
    publishOwnerSocket(dir, path.join(dir, "cli.sock"));
    expect(readLiveOwner(dir)).toEqual({ ...info, socket: path.join(dir, "cli.sock") });
    expect(fs.statSync(path.join(dir, "owner.json")).mode & 0o777).toBe(0o600);
  });

  it("refuses while another live process owns the directory, naming it", () => {
    const dir = tempDir();
    const pid = liveOtherPid();
    writeLock(dir, { pid, socket: path.join(dir, "cli.sock") });
    expect(() => acquireOwnership(dir)).toThrow(DatabaseOwnedError);
    expect(() => acquireOwnership(dir)).toThrow(`is in use by process ${pid} (the running app)`);
    expect(readLiveOwner(dir)?.pid).toBe(pid);
    expect(lockOf(dir).token).toBe("someone-else");
  });

  it("replaces a lock left by a process that is gone", async () => {
    const dir = tempDir();
    writeLock(dir, { pid: await deadPid() });
    expect(readLiveOwner(dir)).toBeNull();
    const info = acquireOwnership(dir);
    expect(lockOf(dir)).toMatchObject({ pid: process.pid, token: info.token });
  });

  it("treats a foreign token under this process's own pid as stale (pid reuse after a restart)", () => {
    const dir = tempDir();
    writeLock(dir, { pid: process.pid, token: "from-an-earlier-life" });
    expect(readLiveOwner(dir)).toBeNull();
    expect(acquireOwnership(dir).token).not.toBe("from-an-earlier-life");
  });

  it("replaces an unreadable lock file", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "owner.json"), "{not json");
    expect(acquireOwnership(dir).pid).toBe(process.pid);
  });

  it("only publishes for a directory this process owns", () => {
    expect(() => publishOwnerSocket(tempDir(), "http://127.0.0.1:1")).toThrow(/does not own/);
  });
});
