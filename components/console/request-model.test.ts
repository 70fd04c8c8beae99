import { describe, expect, it } from "vitest";
import { consoleCatalog } from "@/lib/console/catalog";
import { openApiDocument } from "@/lib/openapi/document";
import { buildPath, checkBody, missingParams, scopeStatus } from "./request-model";

const endpoints = consoleCatalog(openApiDocument(), "2026-03-15").flatMap((g) => g.endpoints);
const find = (id: string) => {
  const endpoint = endpoints.find((e) => e.id === id);
  if (!endpoint) throw new Error(id);
  return endpoint;
};

describe("console request model", () => {
  it("fills path parameters and leaves empty query fields out", () => {
    expect(buildPath(find("listJobs"), { date: "2026-03-15", limit: "", cursor: " " })).toBe("/api/v1/jobs?date=2026-03-15");
    expect(buildPath(find("getJob"), { id: "a b" })).toBe("/api/v1/jobs/a%20b");
    expect(missingParams(find("getJob"), {})).toEqual(["id"]);
    expect(missingParams(find("listJobs"), {})).toEqual([]);
  });

  it("checks the body as JSON, then against the operation's schema", () => {
    const schema = find("createJob").body?.schema ?? {};
    expect(checkBody(schema, JSON.stringify(find("createJob").body?.example))).toEqual({ ok: true });
    expect(checkBody(schema, "{")).toMatchObject({ ok: false, issues: [{ path: "", message: expect.stringMatching(/^Not valid JSON/) }] });
    const bad = checkBody(schema, JSON.stringify({ serviceDate: "2026-02-30", containerSize: 0, extra: true }));
    expect(bad.ok).toBe(false);
    const issues = bad.ok ? [] : bad.issues;
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(["serviceDate", "containerSize"]));
    expect(issues.some((i) => i.message.includes("must match pattern"))).toBe(false);
    expect(issues.some((i) => i.message.includes("extra"))).toBe(true);
  });

  it("tells whether scopes cover an operation", () => {
    expect(scopeStatus(["read:all"], find("listDrivers"))).toBe("has");
    expect(scopeStatus(["read:jobs"], find("listDrivers"))).toBe("lacks");
    expect(scopeStatus(["read:all"], find("createJob"))).toBe("lacks");
    expect(scopeStatus(null, find("createJob"))).toBe("unknown");
  });
});
