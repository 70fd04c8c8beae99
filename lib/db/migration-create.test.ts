import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrationSlug, migrationTimestamp } from "./migration-create";
import { readMigrations } from "./migrations-dir";
import { withDatabaseName } from "./testing";

describe("migration naming", () => {
  it("uses Prisma's UTC timestamp folder prefix", () => {
    expect(migrationTimestamp(new Date("2026-03-15T09:05:07.123Z"))).toBe("20260315090507");
  });

  it("turns a free-form name into a safe slug and rejects an empty one", () => {
    expect(migrationSlug(" Add API key notes! ")).toBe("add_api_key_notes");
    expect(() => migrationSlug("  --  ")).toThrow(/letters or digits/);
  });
});

describe("readMigrations", () => {
  it("lists folders with a migration.sql in name order, with Prisma's sha256 checksum", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "klau-migrations-"));
    try {
      const files: Array<[string, string]> = [
        ["20260201000000_b", "SELECT 2;"],
        ["20260101000000_a", "SELECT 1;"],
      ];
      for (const [name, sql] of files) {
        fs.mkdirSync(path.join(dir, name));
        fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
      }
      fs.mkdirSync(path.join(dir, "20260301000000_empty"));
      fs.writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
      const migrations = await readMigrations(dir);
      expect(migrations.map((m) => m.name)).toEqual(["20260101000000_a", "20260201000000_b"]);
      // sha256 hex of the file's bytes, as in `_prisma_migrations.checksum` (echo -n "SELECT 1;" | sha256sum).
      expect(migrations[0]?.checksum).toBe("17db4fd369edb9244b9f91d9aeed145c3d04ad8ba6e95d06247f07a63527d11a");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("returns nothing for a missing folder", async () => {
    expect(await readMigrations(path.join(os.tmpdir(), "klau-does-not-exist"))).toEqual([]);
  });
});

describe("withDatabaseName", () => {
  it("swaps only the database of a server URL", () => {
    expect(withDatabaseName("postgresql://postgres@127.0.0.1:5432/postgres?sslmode=disable", "klau_test_1")).toBe(
      "postgresql://postgres@127.0.0.1:5432/klau_test_1?sslmode=disable",
    );
  });
});
