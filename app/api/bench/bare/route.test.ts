import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

// The route caches the payload per module instance: load a fresh copy for each case.
async function freshGet() {
  vi.resetModules();
  return (await import("./route")).GET;
}

describe("GET /api/bench/bare", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-route-"));
  const file = path.join(dir, "payload.json");
  const payload = '{"data":[{"id":"j1"}],"pagination":{"nextCursor":null}}';

  afterEach(() => {
    vi.unstubAllEnvs();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is 404 in normal operation, even when a payload file is named", async () => {
    writeFileSync(file, payload);
    vi.stubEnv("KLAU_BENCH", "");
    vi.stubEnv("KLAU_BENCH_PAYLOAD", file);
    const response = await (await freshGet())();
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: "Not found" } });
  });

  it("with KLAU_BENCH=1 serves the payload file's exact bytes as JSON", async () => {
    writeFileSync(file, payload);
    vi.stubEnv("KLAU_BENCH", "1");
    vi.stubEnv("KLAU_BENCH_PAYLOAD", file);
    const response = await (await freshGet())();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.text()).toBe(payload);
  });

  it("answers 404 until the payload file exists, then serves it (the bench writes it after start-up)", async () => {
    const late = path.join(dir, "late.json");
    vi.stubEnv("KLAU_BENCH", "1");
    vi.stubEnv("KLAU_BENCH_PAYLOAD", late);
    const GET = await freshGet();
    expect((await GET()).status).toBe(404);
    writeFileSync(late, payload);
    expect(await (await GET()).text()).toBe(payload);
  });
});
