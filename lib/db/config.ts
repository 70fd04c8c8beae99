import "server-only";
import path from "node:path";
import { config, type Env } from "@/lib/config";

/** Which database this process talks to: a PostgreSQL server, or the embedded PGlite directory. */
export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "embedded"; dataDir: string };

/** DATABASE_URL when set (checked by lib/config.ts), else PGlite under KLAU_DATA_DIR. */
export function databaseTarget(env?: Env): DatabaseTarget {
  const { database, dataDir } = config(env);
  if (database.url) return { kind: "postgres", url: database.url };
  return { kind: "embedded", dataDir: path.join(dataDir, "pglite") };
}
