import { describe, expect, it } from "vitest";
import { InvalidInputError } from "@/lib/errors";
import { consoleTarget, internalOrigin } from "./target";

const ORIGIN = "http://127.0.0.1:3000";

describe("consoleTarget", () => {
  it.each([
    ["/api/v1/jobs", "http://127.0.0.1:3000/api/v1/jobs"],
    ["/api/v1/jobs?date=2026-03-15&limit=5", "http://127.0.0.1:3000/api/v1/jobs?date=2026-03-15&limit=5"],
    ["/api/v1/jobs/abc#frag", "http://127.0.0.1:3000/api/v1/jobs/abc"],
    ["/api/v1", "http://127.0.0.1:3000/api/v1"],
  ])("%s → %s", (path, expected) => {
    expect(consoleTarget(path, ORIGIN).toString()).toBe(expected);
  });

  it.each([
    "/api/internal/cli",
    "http://example.com",
    "https://example.com/api/v1/jobs",
    "//example.com/api/v1/jobs",
    "/\\example.com/api/v1/jobs",
    "example.com/api/v1/jobs",
    "/api/v1/../internal/cli",
    "/api/v1/%2e%2e/internal/cli",
    "/api/v1/%2E%2E/%2E%2E/login",
    "/api/v1/..%2finternal/cli",
    "/api/v1x/jobs",
    "/api/auth/session",
    "/",
    "api/v1/jobs",
    "/api/v1/jobs\n/x",
  ])("refuses %j", (path) => {
    expect(() => consoleTarget(path, ORIGIN)).toThrow(InvalidInputError);
  });
});

describe("internalOrigin", () => {
  it("is loopback on the server's port unless configured, and never the request's host", () => {
    expect(internalOrigin({ PORT: "3108" })).toBe("http://127.0.0.1:3108");
    expect(internalOrigin({})).toBe("http://127.0.0.1:3000");
    expect(internalOrigin({ KLAU_INTERNAL_ORIGIN: "http://app.internal:8080/x" })).toBe("http://app.internal:8080");
  });
});
