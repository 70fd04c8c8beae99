import { emptyPglite, migratedPglite } from "./pglite-template";

/** Builds the cached PGlite templates once, before integration test files start in parallel. */
export async function setup(): Promise<void> {
  for (const open of [emptyPglite, migratedPglite]) await (await open()).close();
}
