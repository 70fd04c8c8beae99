import path from "node:path";
import { defineConfig } from "vitest/config";

// Tests run server modules outside React's server environment: "server-only" resolves to its empty
// build here, as it does under Next's react-server condition.
const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};
const exclude = ["node_modules/**", ".next*/**", "e2e/**", ".data/**", ".test-data/**"];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: ["**/*.test.ts"],
          exclude: [...exclude, "**/*.int.test.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["**/*.int.test.ts"],
          exclude,
          globalSetup: ["lib/db/vitest-global-setup.ts"],
          // Each file gets a fresh database (own PGlite, or own PostgreSQL database), so files run in parallel.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
