import "server-only";
import { openedDatabase } from "./client";
import type { OpenedDatabase } from "./opened";
import { databaseTarget } from "./config";
import { embeddedLockDir } from "./open-embedded";
import { DatabaseOwnedError, heldOwnership, publishOwnerSocket } from "./ownership";
import { seedDemo } from "./seed";
import { hasSeedMarker, writeSeedMarker } from "./seed-marker";

export interface StartupReport {
  kind: "postgres" | "embedded";
  migrated: string[];
  seeded: boolean;
  ms: number;
}

// A short-lived owner (an operator CLI command, a seed) is waited for; a running app is not.
const WAIT_FOR_SHORT_OWNER_MS = 15_000;

async function openWaitingForShortOwner(): Promise<OpenedDatabase> {
  const deadline = Date.now() + WAIT_FOR_SHORT_OWNER_MS;
  for (;;) {
    try {
      return await openedDatabase();
    } catch (error) {
      const busyBriefly = error instanceof DatabaseOwnedError && error.owner.socket === null;
      if (!busyBriefly || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Starts serving CLI commands for the owner of `dataRoot` and returns the socket's path. */
export type ServeCli = (dataRoot: string, token: string) => Promise<string>;

/**
 * Server start (server/startup.ts, once per process). Embedded: take the data directory, migrate, seed the demo data the
 * first time, serve CLI commands on a Unix socket and publish it so the operator CLI talks to this
 * process instead of opening the directory again. PostgreSQL: nothing here (connections open on first use).
 */
export async function prepareDatabaseOnStart(serveCli: ServeCli): Promise<StartupReport> {
  const started = Date.now();
  const target = databaseTarget();
  if (target.kind === "postgres") return { kind: "postgres", migrated: [], seeded: false, ms: 0 };
  const opened = await openWaitingForShortOwner();
  let seeded = false;
  if (!hasSeedMarker(target.dataDir)) {
    await seedDemo(opened.db);
    writeSeedMarker(target.dataDir);
    seeded = true;
  }
  const dataRoot = embeddedLockDir(target.dataDir);
  const owner = heldOwnership();
  if (!owner) throw new Error(`This process does not own ${dataRoot}`);
  publishOwnerSocket(dataRoot, await serveCli(dataRoot, owner.token));
  return { kind: "embedded", migrated: opened.migrated?.applied ?? [], seeded, ms: Date.now() - started };
}

/**
 * prepareDatabaseOnStart for the Next server: logs the outcome, and stops the process if it fails.
 * The CLI relay is passed in by the app (the database layer does not know the CLI).
 */
export async function startServerDatabase(serveCli: ServeCli): Promise<void> {
  try {
    const report = await prepareDatabaseOnStart(serveCli);
    if (report.kind === "postgres") return;
    const migrated = report.migrated.length ? `applied ${report.migrated.join(", ")}` : "schema up to date";
    console.log(`Embedded database ready in ${report.ms} ms (${migrated}${report.seeded ? ", demo data seeded" : ""}).`);
  } catch (error) {
    // The app cannot work without its database, and a second owner would corrupt it: stop, clearly.
    const reason = error instanceof Error ? error.message : String(error);
    console.error(error instanceof DatabaseOwnedError ? reason : `Could not open the database: ${reason}`);
    process.exit(1);
  }
}
