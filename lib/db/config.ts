import path from "node:path";

/** Which database this process talks to: a PostgreSQL server, or the embedded PGlite directory. */
export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "embedded"; dataDir: string };

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(/* turbopackIgnore: true */ env.KLAU_DATA_DIR || ".data");
}

export function databaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error("DATABASE_URL must start with postgresql:// (leave it unset for the embedded database)");
    }
    return { kind: "postgres", url };
  }
  return { kind: "embedded", dataDir: path.join(dataDir(env), "pglite") };
}
