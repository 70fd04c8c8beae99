// `npm run db:migration:create -- --name <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// for the difference between the committed migrations and prisma/schema.prisma (see docs/DATABASE.md).
import path from "node:path";
import { parseArgs } from "node:util";
import { createMigration } from "../lib/db/migration-create";

async function main(): Promise<number> {
  let name: string | undefined;
  try {
    ({
      values: { name },
    } = parseArgs({ options: { name: { type: "string" } }, strict: true }));
  } catch (error) {
    console.error((error as Error).message);
    name = undefined;
  }
  if (!name) {
    console.error("Usage: npm run db:migration:create -- --name <name>");
    return 2;
  }
  const result = await createMigration({ name });
  if (!result.created) {
    console.log("No changes: prisma/schema.prisma matches the migrations.");
    return 0;
  }
  console.log(`Created ${path.relative(process.cwd(), result.directory)}/migration.sql`);
  return 0;
}

main().then(
  // The schema engine leaves a timer behind: exit explicitly.
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
