// `npm run db:seed`: creates the demo organisation on the configured database (idempotent).
import { databaseTarget } from "../lib/db/config";
import { disconnectDb, openedDatabase } from "../lib/db/client";
import { DatabaseOwnedError } from "../lib/db/ownership";
import { seedDemo } from "../lib/db/seed";
import { writeSeedMarker } from "../lib/db/seed-marker";

function isMissingTable(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2021";
}

async function main(): Promise<void> {
  const target = databaseTarget();
  const opened = await openedDatabase();
  try {
    const summary = await seedDemo(opened.db);
    if (target.kind === "embedded") writeSeedMarker(target.dataDir);
    console.log(`Demo data ready: ${summary.companies} companies, ${summary.users} users, ${summary.jobs} jobs.`);
  } finally {
    await disconnectDb();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof DatabaseOwnedError) {
      console.error(`${error.message}\nThe running app seeds the demo data on its first start; stop it to run db:seed.`);
    } else if (isMissingTable(error)) {
      console.error("The database has no tables yet: run `npm run db:migrate` first.");
    } else {
      console.error(error instanceof Error ? error.message : String(error));
    }
    process.exit(1);
  },
);
