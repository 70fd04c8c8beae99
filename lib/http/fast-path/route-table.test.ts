import { describe, expect, it } from "vitest";
import { apiSegments, compileRoutes } from "./route-table";

const PATTERNS = ["", "[...rest]", "jobs", "jobs/[id]", "keys/revoke-leaked", "companies/current", "openapi.json", "customers/[id]"];
const table = compileRoutes(PATTERNS.map((pattern) => ({ pattern, module: { pattern } })));

describe("compileRoutes (Next's precedence: static, then [param], then [...rest])", () => {
  it.each<[string, string[], string, Record<string, string | string[]>]>([
    ["root", [], "", {}],
    ["static", ["jobs"], "jobs", {}],
    ["dynamic", ["jobs", "j-1"], "jobs/[id]", { id: "j-1" }],
    ["static beats dynamic", ["keys", "revoke-leaked"], "keys/revoke-leaked", {}],
    ["dotted static", ["openapi.json"], "openapi.json", {}],
    ["unknown resource → catch-all", ["nope"], "[...rest]", { rest: ["nope"] }],
    ["too deep → catch-all", ["jobs", "j-1", "extra"], "[...rest]", { rest: ["jobs", "j-1", "extra"] }],
    ["static prefix, unknown child → catch-all", ["companies", "other"], "[...rest]", { rest: ["companies", "other"] }],
    ["decoded values pass through", ["customers", "a/b c"], "customers/[id]", { id: "a/b c" }],
  ])("%s", (_name, segments, pattern, params) => {
    const match = table.match(segments);
    expect(match?.module).toEqual({ pattern });
    expect(match?.params).toEqual(params);
  });

  it("[...rest] needs a segment (the root has its own route file)", () => {
    const onlyRest = compileRoutes([{ pattern: "[...rest]", module: {} }]);
    expect(onlyRest.match([])).toBeNull();
  });
});

describe("apiSegments", () => {
  it.each<[string, string[] | null]>([
    ["/api/v1", []],
    ["/api/v1/jobs", ["jobs"]],
    ["/api/v1/jobs/a%20b", ["jobs", "a b"]],
    ["/api/v1/jobs/%2F", ["jobs", "/"]],
    // Left to Next, which redirects or normalizes these (or refuses them, request-guard.ts).
    ["/api/v1/", null],
    ["/api/v1/jobs/", null],
    ["/api/v1//jobs", null],
    ["/api/v1/./jobs", null],
    ["/api/v1/jobs/..", null],
    ["/api/v1/jobs/%ZZ", null],
    ["/api/v10", null],
    ["/api/v1x/jobs", null],
    ["/docs", null],
  ])("%s", (path, expected) => {
    expect(apiSegments(path)).toEqual(expected);
  });
});
