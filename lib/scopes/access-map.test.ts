import { describe, expect, it } from "vitest";
import {
  type AccessMap,
  accessMapToScopes,
  canonicalScopes,
  describeAccess,
  presetOf,
  presetScopes,
  scopesLabel,
  scopesToAccessMap,
  uniformAccessMap,
} from "./access-map";
import { RESOURCES } from "./catalog";

function withAccess(changes: Partial<AccessMap>, base = uniformAccessMap("none")): AccessMap {
  return { ...base, ...changes };
}

describe("presets", () => {
  it("Full access is exactly read:all,write:all and Read only exactly read:all", () => {
    expect(presetScopes("full")).toEqual(["read:all", "write:all"]);
    expect(presetScopes("read-only")).toEqual(["read:all"]);
  });

  it.each([
    [["read:all", "write:all"], "full"],
    [["write:all", "read:all"], "full"],
    [["read:*", "write:*"], "full"],
    [["read:all"], "read-only"],
    [["read:*"], "read-only"],
    [["read:all", "write:jobs"], "custom"],
    [["write:all"], "custom"],
    [["read:jobs"], "custom"],
  ] as const)("%j is the %s preset", (scopes, preset) => {
    expect(presetOf(scopes)).toBe(preset);
  });
});

describe("scopesToAccessMap", () => {
  it.each([
    ["nothing", [], {}],
    ["a read scope", ["read:jobs"], { jobs: "read" }],
    ["read and write", ["read:jobs", "write:jobs"], { jobs: "read-write" }],
    ["a write-only scope made with the CLI", ["write:dispatches"], { dispatches: "write" }],
    [
      "mixed",
      ["read:drivers", "write:dispatches", "read:dump-sites", "write:dump-sites"],
      { drivers: "read", dispatches: "write", "dump-sites": "read-write" },
    ],
    ["unknown strings, ignored", ["read:unicorns", "admin"], {}],
  ] as const)("%s", (_, scopes, expected) => {
    expect(scopesToAccessMap(scopes)).toEqual(withAccess(expected));
  });

  it.each([
    [["read:all"], "read"],
    [["read:*"], "read"],
    [["write:all"], "write"],
    [["write:*"], "write"],
    [["read:all", "write:all"], "read-write"],
  ] as const)("%j reaches every resource as %s", (scopes, access) => {
    expect(scopesToAccessMap(scopes)).toEqual(uniformAccessMap(access));
  });

  it("a wildcard and a specific scope combine per resource", () => {
    expect(scopesToAccessMap(["read:all", "write:jobs"])).toEqual(withAccess({ jobs: "read-write" }, uniformAccessMap("read")));
    expect(scopesToAccessMap(["write:all", "read:jobs"])).toEqual(withAccess({ jobs: "read-write" }, uniformAccessMap("write")));
  });
});

describe("accessMapToScopes", () => {
  it.each([
    ["no access", {}, []],
    ["one read", { jobs: "read" }, ["read:jobs"]],
    ["read & write", { jobs: "read-write" }, ["read:jobs", "write:jobs"]],
    ["write only, kept as such", { dispatches: "write" }, ["write:dispatches"]],
    [
      "catalog order, reads before writes per resource",
      { dispatches: "read-write", jobs: "read", drivers: "write" },
      ["read:jobs", "write:drivers", "read:dispatches", "write:dispatches"],
    ],
  ] as const)("%s", (_, access, scopes) => {
    expect(accessMapToScopes(withAccess(access))).toEqual(scopes);
  });

  it.each([
    ["read on every resource", uniformAccessMap("read"), ["read:all"]],
    ["read & write on every resource", uniformAccessMap("read-write"), ["read:all", "write:all"]],
    ["write on every resource", uniformAccessMap("write"), ["write:all"]],
    ["read everywhere, write on jobs", withAccess({ jobs: "read-write" }, uniformAccessMap("read")), ["read:all", "write:jobs"]],
  ] as const)("%s is written with the wildcard", (_, map, scopes) => {
    expect(accessMapToScopes(map)).toEqual(scopes);
  });

  it("round-trips every single-resource level exactly", () => {
    for (const resource of RESOURCES) {
      for (const access of ["none", "read", "write", "read-write"] as const) {
        const map = withAccess({ [resource]: access });
        expect(scopesToAccessMap(accessMapToScopes(map))).toEqual(map);
      }
    }
  });

  it("canonicalScopes rewrites the * wildcards and drops duplicates", () => {
    expect(canonicalScopes(["write:*", "read:*", "read:jobs"])).toEqual(["read:all", "write:all"]);
    expect(canonicalScopes(["read:jobs", "read:jobs"])).toEqual(["read:jobs"]);
  });
});

describe("scopesLabel", () => {
  it.each([
    [["read:all", "write:all"], "Full access"],
    [["read:all"], "Read only"],
    [["read:jobs"], "1 scope"],
    [["read:jobs", "read:drivers", "write:dispatches", "read:trucks", "read:customers", "read:sites"], "6 scopes"],
  ] as const)("%j → %s", (scopes, label) => {
    expect(scopesLabel(scopes)).toBe(label);
  });
});

describe("describeAccess", () => {
  it.each([
    ["full access", ["read:all", "write:all"], "Can read and change everything."],
    ["read only", ["read:all"], "Can read everything."],
    ["read everything, change one", ["read:all", "write:dispatches"], "Can read everything; can change dispatches."],
    ["change everything, read one", ["write:all", "read:jobs"], "Can change everything; can read jobs."],
    ["the issue's example", ["read:jobs", "read:drivers", "read:dispatches", "write:dispatches"], "Can read and change dispatches; can read jobs and drivers."],
    ["write only", ["write:dispatches"], "Can change dispatches without reading them."],
    ["labels, not ids", ["read:dump-sites", "read:companies"], "Can read dump sites and company profile."],
    [
      "long lists are shortened",
      ["read:jobs", "read:drivers", "read:trucks", "read:dispatches", "read:customers", "read:sites", "read:yards"],
      "Can read jobs, drivers, trucks, dispatches, customers and 2 more.",
    ],
    ["nothing", [], "Has no access: choose at least one resource."],
  ] as const)("%s", (_, scopes, sentence) => {
    expect(describeAccess(scopesToAccessMap(scopes))).toBe(sentence);
  });
});
