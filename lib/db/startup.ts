import { openedDatabase } from "./client";
import { embeddedLockDir } from "./open-embedded";
import { publishOwnerUrl } from "./ownership";
import { seedDemo } from "./seed";
import { hasSeedMarker, writeSeedMarker } from "./seed-marker";

export interface StartupReport {
  kind: "postgres" | "embedded";
  migrated: string[];
  seeded: boolean;
  ms: number;
}

/**
 * Server start (instrumentation.ts). Embedded: take the data directory, migrate, seed the demo data the
 * first time, and publish where this process serves commands so the operator CLI talks to it instead
 * of opening the directory again. PostgreSQL: nothing here (connections open on first use).
 */
export async function prepareDatabaseOnStart(serverUrl: string): Promise<StartupReport> {
  const started = Date.now();
  const { databaseTarget } = await import("./config");
  const target = databaseTarget();
  if (target.kind === "postgres") return { kind: "postgres", migrated: [], seeded: false, ms: 0 };
  const opened = await openedDatabase();
  let seeded = false;
  if (!hasSeedMarker(target.dataDir)) {
    await seedDemo(opened.db);
    writeSeedMarker(target.dataDir);
    seeded = true;
  }
  publishOwnerUrl(embeddedLockDir(target.dataDir), serverUrl);
  return { kind: "embedded", migrated: opened.migrated?.applied ?? [], seeded, ms: Date.now() - started };
}
