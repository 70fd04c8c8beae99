import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { GET } from "./route";

const saved = {
  DATABASE_URL: process.env.DATABASE_URL,
  KLAU_DATA_DIR: process.env.KLAU_DATA_DIR,
  REDIS_URL: process.env.REDIS_URL,
  KLAU_RATE_LIMIT_STORE: process.env.KLAU_RATE_LIMIT_STORE,
  KLAU_RATE_LIMIT_FALLBACK: process.env.KLAU_RATE_LIMIT_FALLBACK,
};
delete process.env.REDIS_URL;
delete process.env.KLAU_RATE_LIMIT_STORE;
delete process.env.KLAU_RATE_LIMIT_FALLBACK;

/** The next health check creates the process's limiter again, from the current environment. */
function forgetLimiter(): void {
  (globalThis as { __klauSingletons?: Map<string, unknown> }).__klauSingletons?.delete("rate-limiter");
}
let dataRoot = "";

afterEach(async () => {
  forgetLimiter();
  await disconnectDb();
});

afterAll(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  if (dataRoot) fs.rmSync(dataRoot, { recursive: true, force: true });
});

describe("GET /api/health", () => {
  it("answers 503 with the error envelope when the database cannot be reached", async () => {
    process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/klau_unreachable";
    const response = await GET();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toEqual({ error: { code: "SERVICE_UNAVAILABLE", message: expect.any(String) } });
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|\bat\b.*\.ts/);
  });

  it("answers 200 ok when the database answers", async () => {
    if (process.env.TEST_DATABASE_URL) {
      process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
    } else {
      delete process.env.DATABASE_URL;
      dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "klau-health-"));
      process.env.KLAU_DATA_DIR = dataRoot;
    }
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: { status: "ok", database: "ok", ratelimit: { store: "memory", fallback: null, degraded: false } },
    });
  }, 120_000);

  it("reports the rate-limit store, degraded while Redis is down (still 200: the instance serves on its fallback)", async () => {
    process.env.REDIS_URL = "redis://127.0.0.1:1";
    const response = await GET();
    expect(response.status).toBe(200);
    const fallback = process.env.DATABASE_URL ? "postgres" : "memory";
    expect(await response.json()).toEqual({
      data: { status: "degraded", database: "ok", ratelimit: { store: "redis", fallback, degraded: true } },
    });
  }, 120_000);
});
