// Generates the Prisma client. `prisma generate` insists on a schema-engine binary it would download;
// it never runs it for `generate`, so point it at an existing executable (see docs/DATABASE.md).
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: ["ignore", "ignore", "inherit"], env });
process.exit(result.status ?? 1);
