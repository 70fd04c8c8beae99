import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The domain, database and infrastructure modules start with `import "server-only"`, so a client
 * component that imports one fails the build instead of shipping it (issue 9 §7). New files in
 * these folders are server-only by default; the exceptions below are shared on purpose.
 */
const SERVER_DIRS = [
  "actions",
  "api",
  "audit",
  "auth",
  "cli",
  "console",
  "db",
  "hauling",
  "http",
  "idempotency",
  "keys",
  "least-privilege",
  "ratelimit",
  "read-cache",
  "request-log",
  "retention",
  "tenancy",
  "users",
].map((dir) => `lib/${dir}`);
const SERVER_FILES = ["lib/config.ts"];

const SHARED: Record<string, string[]> = {
  "imported by client components (pure: labels, formats, limits, diffs)": [
    "lib/auth/home.ts",
    "lib/console/call.ts",
    "lib/console/explain.ts",
    "lib/console/snippets.ts",
    "lib/keys/expiry.ts",
    "lib/keys/filters.ts",
    "lib/keys/limits.ts",
    "lib/keys/roll-grace.ts",
    "lib/keys/status.ts",
    "lib/request-log/outcomes.ts",
    "lib/tenancy/grant-diff.ts",
    // lib/errors.ts (imported by client components) recognizes Prisma's errors by their codes: no client.
    "lib/db/prisma-errors.ts",
  ],
  "read by the proxy (no database)": ["lib/auth/callback-url.ts", "lib/auth/protected-paths.ts", "lib/auth/session-cookie.ts"],
  "imported by the Playwright runner (demo ids, key format, the OpenAPI document's schemas)": [
    "lib/db/demo.ts",
    "lib/db/seed-ids.ts",
    "lib/db/seed-hauling.ts",
    "lib/idempotency/fingerprint.ts",
    "lib/keys/format.ts",
    "lib/keys/schemas.ts",
    "lib/tenancy/schemas.ts",
    "lib/request-log/range.ts",
    "lib/request-log/usage-schema.ts",
    "lib/read-cache/hauling-changes.ts",
    "lib/hauling/catalog.ts",
    "lib/hauling/shared/cursor.ts",
    "lib/hauling/shared/dates.ts",
    "lib/hauling/shared/fields.ts",
    "lib/hauling/shared/ids.ts",
  ],
  "test helpers and child-process entry points (run by vitest or node directly)": [
    "lib/api/testing.ts",
    "lib/api/testing-database.ts",
    "lib/api/idempotency-crash-child.ts",
    "lib/db/testing.ts",
    "lib/db/vitest-global-setup.ts",
  ],
};
const SHARED_DIRS = ["lib/db/test-fixtures/", "lib/hauling/testing/"];
const isShared = (file: string) =>
  Object.values(SHARED).some((files) => files.includes(file)) ||
  SHARED_DIRS.some((dir) => file.startsWith(dir)) ||
  /^lib\/hauling\/[a-z-]+\/schemas\.ts$/.test(file); // the resources' zod schemas: the OpenAPI document

const ROOT = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [rel] : [];
  });
}

/** True when the module's first statement (after a `"use server"` directive) imports server-only. */
function startsServerOnly(text: string): boolean {
  const body = text.replace(/^\s*["']use server["'];?\s*/, "");
  return /^import "server-only";/.test(body);
}

describe("server-only", () => {
  const files = [...SERVER_DIRS.flatMap(sourceFiles), ...SERVER_FILES];

  it("marks every server module of the domain, database and infrastructure", () => {
    expect(files.length).toBeGreaterThan(150);
    const unmarked = files.filter((file) => !isShared(file) && !startsServerOnly(fs.readFileSync(path.join(ROOT, file), "utf8")));
    expect(unmarked).toEqual([]);
  });

  it("lists only shared modules that exist and are not marked", () => {
    const listed = Object.values(SHARED).flat();
    expect(listed.filter((file) => !fs.existsSync(path.join(ROOT, file)))).toEqual([]);
    expect(listed.filter((file) => startsServerOnly(fs.readFileSync(path.join(ROOT, file), "utf8")))).toEqual([]);
  });

  it("recognizes the marker, and its absence", () => {
    expect(startsServerOnly(`import "server-only";\nimport { z } from "zod";\n`)).toBe(true);
    expect(startsServerOnly(`"use server";\n\nimport "server-only";\n`)).toBe(true);
    expect(startsServerOnly(`import { z } from "zod";\nimport "server-only";\n`)).toBe(false);
    expect(startsServerOnly(`// import "server-only";\n`)).toBe(false);
  });
});
