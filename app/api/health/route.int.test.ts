import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { GET } from "./route";

const saved = { DATABASE_URL: process.env.DATABASE_URL, KLAU_DATA_DIR: process.env.KLAU_DATA_DIR };
let dataRoot = "";

afterEach(async () => {
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
    expect(await response.json()).toEqual({ data: { status: "ok", database: "ok" } });
  }, 120_000);
});
