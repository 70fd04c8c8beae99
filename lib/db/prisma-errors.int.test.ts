import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase } from "./testing";

/**
 * The error shapes the real driver adapters produce (PGlite by default, adapter-pg with
 * TEST_DATABASE_URL) reach the right answer: what the database cannot hold is the client's
 * mistake (400), a connection the server ends is an outage (503), never a 500.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
}, 120_000);
afterAll(() => t?.cleanup());

async function failure(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the database to refuse");
}

describe("database errors through the driver adapter", () => {
  it("a NUL in a text value → BAD_REQUEST", async () => {
    const error = await failure(() => t.db.company.create({ data: { name: "a\u0000b" } }));
    expect(describeError(error).code).toBe("BAD_REQUEST");
  });

  it("a date PostgreSQL cannot hold (year −271821) → BAD_REQUEST", async () => {
    const error = await failure(() => t.db.company.findMany({ where: { createdAt: { gt: new Date("-271821-04-20T00:00:00.000Z") } } }));
    expect(describeError(error).code).toBe("BAD_REQUEST");
  });

  it("the server ending the connection (pg_terminate_backend: 57P01) → SERVICE_UNAVAILABLE", async () => {
    if (t.kind !== "postgres" || !t.url) return; // PGlite has no server to end connections
    // A query in flight when the server ends its connection (what a stopping server does too).
    const running = failure(() => t.db.$queryRaw`SELECT pg_sleep(5)`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
    try {
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    } finally {
      await admin.end();
    }
    const error = await running;
    expect(describeError(error).code).toBe("SERVICE_UNAVAILABLE");
  });
});
