import "server-only";
import path from "node:path";
import { CLI_ACTOR } from "@/lib/audit/types";
import { config } from "@/lib/config";
import { databaseTarget } from "@/lib/db/config";
import { DatabaseOwnedError, readLiveOwner } from "@/lib/db/ownership";
import { failure } from "./envelope";
import { type ParsedCli, parseCli } from "./parse";
import { relayToOwner } from "./relay";
import { executeParsed } from "./run";
import { inlinePasswordFromStdin, readProcessStdin } from "./stdin-password";
import type { CliResult } from "./types";

const POLL_MS = 200;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens the configured database in this process, runs, closes. "owned": another process got there first. */
async function runHere(parsed: ParsedCli): Promise<CliResult | "owned"> {
  const { getDb, disconnectDb } = await import("@/lib/db/client");
  try {
    const db = await getDb();
    return await executeParsed(parsed, { db, actor: CLI_ACTOR });
  } catch (error) {
    if (error instanceof DatabaseOwnedError) return "owned";
    const message = error instanceof Error ? error.message : String(error);
    return failure("DATABASE_UNAVAILABLE", `Could not open the database: ${message}`);
  } finally {
    await disconnectDb().catch(() => undefined);
  }
}

/**
 * Embedded database: never open the directory a second time. If a live app owns it and serves
 * commands, relay to it; if nobody owns it, own it for the length of this command; if another
 * process holds it without serving (another CLI, a seed, an app still starting), wait a little.
 */
async function runEmbedded(argv: readonly string[], parsed: ParsedCli, lockDir: string): Promise<CliResult> {
  const deadline = Date.now() + config().cliWaitMs;
  for (;;) {
    const owner = readLiveOwner(lockDir);
    if (owner?.socket) {
      const result = await relayToOwner({ socket: owner.socket, token: owner.token }, argv);
      if (result !== "not-listening") return result;
    } else if (!owner) {
      const result = await runHere(parsed);
      if (result !== "owned") return result;
    }
    if (Date.now() >= deadline) {
      const current = readLiveOwner(lockDir);
      const message = current ? new DatabaseOwnedError(lockDir, current).message : `The embedded database in ${lockDir} stayed busy; try again.`;
      return failure("DATABASE_BUSY", message);
    }
    await sleep(POLL_MS);
  }
}

/** The whole CLI for one process: parse, read a secret from stdin if asked, then run wherever the database lives. */
export async function cliMain(given: readonly string[], readStdin: () => Promise<string> = readProcessStdin): Promise<CliResult> {
  const argv = await inlinePasswordFromStdin(given, readStdin);
  if ("exitCode" in argv) return argv;
  const parsed = parseCli(argv);
  if (parsed.kind === "done") return parsed.result;
  let target: ReturnType<typeof databaseTarget>;
  try {
    target = databaseTarget();
  } catch (error) {
    return failure("CONFIG", error instanceof Error ? error.message : String(error));
  }
  if (target.kind === "postgres") {
    const result = await runHere(parsed);
    return result === "owned" ? failure("INTERNAL_ERROR", "Unexpected ownership conflict on PostgreSQL") : result;
  }
  // The owner lock lives in the data root, beside pglite/ (lib/db/open-embedded.ts embeddedLockDir);
  // computed here so that relaying does not load PGlite.
  return runEmbedded(argv, parsed, path.dirname(target.dataDir));
}
