import { defineConfig } from "prisma/config";

// The CLI is used for `prisma generate` only; migrations run through lib/db/migrate (no native engine).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
