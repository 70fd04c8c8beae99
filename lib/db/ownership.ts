import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * One process at a time may open the embedded (PGlite) database: two processes on one directory
 * silently lose data. The owner holds `<dir>/owner.json` (created atomically, mode 0600). The app
 * publishes there the Unix socket on which it serves operator CLI commands (lib/cli/relay-server.ts),
 * authenticated with `token`, so the CLI never opens the directory a second time.
 */
export interface OwnerInfo {
  pid: number;
  startedAt: string;
  token: string;
  /** Path of the Unix socket where the owner serves CLI commands; null while it serves none. */
  socket: string | null;
}

export class DatabaseOwnedError extends Error {
  constructor(
    readonly dir: string,
    readonly owner: OwnerInfo,
  ) {
    const who = owner.socket ? "the running app" : "another process";
    super(
      `The embedded database in ${displayPath(dir)} is in use by process ${owner.pid} (${who}). ` +
        "Stop that process, or run the command through the running app.",
    );
    this.name = "DatabaseOwnedError";
  }
}

const FILE = "owner.json";

// Process-wide state lives on globalThis: Next may load this module more than once (separate bundles
// for instrumentation and routes, dev reloads), but the process owns the directory only once.
interface OwnershipState {
  held: { dir: string; info: OwnerInfo } | null;
  releaseRegistered: boolean;
  shutdownHooks: Array<() => Promise<void>>;
}
const globalStore = globalThis as typeof globalThis & { __klauDbOwnership?: OwnershipState };
globalStore.__klauDbOwnership ??= { held: null, releaseRegistered: false, shutdownHooks: [] };
const state: OwnershipState = globalStore.__klauDbOwnership;

function displayPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative && !relative.startsWith("..") ? relative : dir;
}

function lockFile(dir: string): string {
  return path.join(dir, FILE);
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function parseOwner(text: string): OwnerInfo | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return null;
    const { pid, startedAt, token, socket } = value as Record<string, unknown>;
    if (typeof pid !== "number" || typeof startedAt !== "string" || typeof token !== "string") return null;
    return { pid, startedAt, token, socket: typeof socket === "string" ? socket : null };
  } catch {
    return null;
  }
}

function readOwnerFile(file: string): OwnerInfo | null | "missing" {
  try {
    return parseOwner(fs.readFileSync(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw error;
  }
}

function isLive(owner: OwnerInfo): boolean {
  if (state.held && owner.token === state.held.info.token) return true;
  // Our own pid with a token that is not ours: a leftover from an earlier life (e.g. a container's pid 1).
  if (owner.pid === process.pid) return false;
  return isProcessAlive(owner.pid);
}

/** The process currently owning the embedded database in `dir`, or null when nobody (alive) does. */
export function readLiveOwner(dir: string): OwnerInfo | null {
  const owner = readOwnerFile(lockFile(dir));
  if (owner === "missing" || owner === null) return null;
  return isLive(owner) ? owner : null;
}

/** The ownership this process holds, if any. */
export function heldOwnership(): OwnerInfo | null {
  return state.held?.info ?? null;
}

/**
 * Takes ownership of `dir` for this process (idempotent within the process). A lock left by a dead
 * process is replaced; a live owner makes this throw DatabaseOwnedError.
 */
export function acquireOwnership(dir: string): OwnerInfo {
  const resolved = path.resolve(dir);
  if (state.held && state.held.dir === resolved) return state.held.info;
  if (state.held) throw new Error(`This process already owns ${state.held.dir}`);
  fs.mkdirSync(resolved, { recursive: true });
  const file = lockFile(resolved);
  const info: OwnerInfo = {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    token: randomBytes(32).toString("base64url"),
    socket: null,
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreateLock(file, info)) {
      state.held = { dir: resolved, info };
      registerRelease();
      return info;
    }
    const current = readOwnerFile(file);
    if (current === "missing") continue;
    if (current !== null && isLive(current)) throw new DatabaseOwnedError(resolved, current);
    removeStale(file, current);
  }
  throw new Error(`Could not take ownership of ${resolved}: the lock file keeps changing`);
}

/**
 * Creates the lock only if none exists. The content is written to a private temp file first and then
 * hard-linked into place (atomic, fails if the lock exists), so nobody ever reads a half-written lock.
 */
function tryCreateLock(file: string, info: OwnerInfo): boolean {
  const temp = `${file}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  const fd = fs.openSync(temp, "wx", 0o600);
  try {
    fs.writeFileSync(fd, JSON.stringify(info));
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * Moves a dead owner's lock aside. Renaming first (instead of unlinking) lets us check that what we
 * removed is still the stale lock and not a fresh one another process created in between.
 */
function removeStale(file: string, stale: OwnerInfo | null): void {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  const moved = readOwnerFile(aside);
  const movedToken = moved === "missing" || moved === null ? null : moved.token;
  if (movedToken !== (stale?.token ?? null)) {
    // Someone else's fresh lock: put it back (link fails rather than overwrite).
    try {
      fs.linkSync(aside, file);
    } catch {
      // A third process created one meanwhile; theirs stands.
    }
  }
  fs.rmSync(aside, { force: true });
}

/** Records the Unix socket on which the owning process serves CLI commands (the Next server calls this). */
export function publishOwnerSocket(dir: string, socket: string): OwnerInfo {
  const resolved = path.resolve(dir);
  if (!state.held || state.held.dir !== resolved) throw new Error(`This process does not own ${resolved}`);
  const info: OwnerInfo = { ...state.held.info, socket };
  const file = lockFile(resolved);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(info), { mode: 0o600 });
  fs.renameSync(temp, file);
  state.held = { dir: resolved, info };
  return info;
}

/** Gives the lock up (only if it is still ours). Synchronous so it also works in an `exit` handler. */
export function releaseOwnership(): void {
  if (!state.held) return;
  const file = lockFile(state.held.dir);
  const current = readOwnerFile(file);
  if (current !== "missing" && current !== null && current.token === state.held.info.token) {
    fs.rmSync(file, { force: true });
  }
  state.held = null;
}

/** Work to finish (e.g. closing the database cleanly) before a signal ends an owning process. */
export function onOwnerShutdown(hook: () => Promise<void>): void {
  state.shutdownHooks.push(hook);
}

async function shutdownThenRaise(signal: NodeJS.Signals): Promise<void> {
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, 5_000).unref());
  await Promise.race([Promise.allSettled(state.shutdownHooks.map((hook) => hook())), timeout]);
  releaseOwnership();
  process.kill(process.pid, signal);
}

function registerRelease(): void {
  if (state.releaseRegistered) return;
  state.releaseRegistered = true;
  process.on("exit", releaseOwnership);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      // Someone else (e.g. Next's graceful shutdown) handles the signal and exits: the `exit` handler
      // releases then. Alone, we close cleanly and terminate as the default action would.
      if (process.listenerCount(signal) === 0) void shutdownThenRaise(signal);
    });
  }
}
