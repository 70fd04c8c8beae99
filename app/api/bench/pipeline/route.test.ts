import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { generateApiKey } from "@/lib/keys/format";

describe("GET /api/bench/pipeline", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-pipeline-"));
  const file = path.join(dir, "payload.json");
  writeFileSync(file, '{"data":[],"pagination":{"nextCursor":null}}');

  afterEach(() => vi.unstubAllEnvs());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is 404 in normal operation, before any pipeline step (even with a well-formed key)", async () => {
    vi.stubEnv("KLAU_BENCH", "");
    vi.stubEnv("KLAU_BENCH_PAYLOAD", file);
    vi.resetModules();
    const { GET } = await import("./route");
    const request = new Request("http://localhost/api/bench/pipeline?date=2026-03-15", {
      headers: { authorization: `Bearer ${generateApiKey().secret}` },
    });
    const response = await GET(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(404);
    expect(response.headers.get("x-request-id")).toBeNull();
    expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: "Not found" } });
  });
});
