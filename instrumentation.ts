// Next.js calls register() once when a server process starts (never during `next build`'s page-data
// collection: NEXT_PHASE guards that). The embedded database is prepared here, before any request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { prepareDatabaseOnStart } = await import("./lib/db/startup");
  const { DatabaseOwnedError } = await import("./lib/db/ownership");
  const port = process.env.PORT ?? "3000";
  try {
    const report = await prepareDatabaseOnStart(`http://127.0.0.1:${port}`);
    if (report.kind === "embedded") {
      const migrated = report.migrated.length ? `applied ${report.migrated.join(", ")}` : "schema up to date";
      console.log(`Embedded database ready in ${report.ms} ms (${migrated}${report.seeded ? ", demo data seeded" : ""}).`);
    }
  } catch (error) {
    // The app cannot work without its database, and a second owner would corrupt it: stop with a clear line.
    const reason = error instanceof Error ? error.message : String(error);
    console.error(error instanceof DatabaseOwnedError ? reason : `Could not open the database: ${reason}`);
    process.exit(1);
  }
}
