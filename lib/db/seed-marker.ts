import "server-only";
import fs from "node:fs";
import path from "node:path";

// Lives inside the PGlite directory, so it goes away with the data it describes: a fresh database is
// seeded again, while a user who deleted the demo rows does not get them back on the next start.
const MARKER = "klau-demo-seeded";

export function hasSeedMarker(pgliteDir: string): boolean {
  return fs.existsSync(path.join(pgliteDir, MARKER));
}

export function writeSeedMarker(pgliteDir: string): void {
  fs.writeFileSync(path.join(pgliteDir, MARKER), `${new Date().toISOString()}\n`);
}
