import { describe, expect, it } from "vitest";
import { RESOURCE_CATALOG, RESOURCES } from "@/lib/scopes/catalog";
import { parseCli } from "./parse";
import type { CliResult } from "./types";

type Envelope = { data?: unknown; error?: { code: string; message: string } };

/** Help and bad arguments are settled before any database work. */
function cli(...argv: string[]): CliResult & { body: Envelope } {
  const parsed = parseCli(argv);
  if (parsed.kind !== "done") throw new Error(`${argv.join(" ")} parsed as a runnable command`);
  return { ...parsed.result, body: JSON.parse(parsed.result.output) as Envelope };
}

describe("bad arguments → USAGE, exit 2, no stack trace", () => {
  const cases: Array<[string, string[]]> = [
    ["no command", []],
    ["unknown command", ["bogus"]],
    ["unknown subcommand", ["keys", "frobnicate"]],
    ["group without subcommand", ["keys"]],
    ["unknown flag", ["companies", "list", "--nope"]],
    ["missing required flag", ["companies", "create"]],
    ["flag without value", ["companies", "create", "--name"]],
    ["empty name", ["vendors", "create", "--name", "  "]],
    ["unexpected positional", ["vendors", "list", "extra"]],
    ["invalid scope", ["keys", "create", "--company", "c", "--name", "k", "--scopes", "read:jobs,read:nope"]],
    ["empty scopes", ["keys", "create", "--company", "c", "--name", "k", "--scopes", ","]],
    ["both company and vendor", ["keys", "create", "--company", "c", "--vendor", "v", "--name", "k", "--scopes", "read:jobs"]],
    ["neither company nor vendor", ["keys", "list"]],
    ["non-numeric expiry", ["keys", "create", "--company", "c", "--name", "k", "--scopes", "read:jobs", "--expires-in-days", "ten"]],
    ["zero expiry", ["keys", "create", "--company", "c", "--name", "k", "--scopes", "read:jobs", "--expires-in-days", "0"]],
    ["missing key id", ["keys", "revoke"]],
    ["bad role", ["users", "create", "--email", "a@b.test", "--password", "longenough", "--company", "c", "--role", "owner"]],
    ["role missing", ["users", "create", "--email", "a@b.test", "--password", "longenough", "--company", "c"]],
    ["role without company", ["users", "create", "--email", "a@b.test", "--password", "longenough", "--operator", "--role", "admin"]],
    ["two account kinds", ["users", "create", "--email", "a@b.test", "--password", "longenough", "--operator", "--vendor", "v"]],
    ["no account kind", ["users", "create", "--email", "a@b.test", "--password", "longenough"]],
    ["short password", ["users", "create", "--email", "a@b.test", "--password", "short", "--operator"]],
    ["bad email", ["users", "create", "--email", "not-an-email", "--password", "longenough", "--operator"]],
    ["boolean flag with value", ["users", "create", "--email", "a@b.test", "--password", "longenough", "--operator=yes"]],
    ["bad partnership status", ["partnerships", "create", "--vendor", "v", "--company", "c", "--scopes", "read:jobs", "--status", "suspended"]],
    ["update with nothing", ["partnerships", "update", "p"]],
    ["bad limit", ["audit", "list", "--limit", "0"]],
  ];

  it.each(cases)("%s", (_label, argv) => {
    const { exitCode, body, stderr } = cli(...argv);
    expect(exitCode).toBe(2);
    expect(body.error?.code).toBe("USAGE");
    expect(body.error?.message).toEqual(expect.any(String));
    expect(stderr).toContain("usage:");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("names the offending flag and value", () => {
    const scope = cli("keys", "create", "--company", "c", "--name", "k", "--scopes", "read:nope");
    expect(scope.body.error?.message).toContain('--scopes: unknown scope "read:nope"');
    const missing = cli("companies", "create");
    expect(missing.body.error?.message).toBe("--name is required");
    const both = cli("keys", "list", "--company", "c", "--vendor", "v");
    expect(both.body.error?.message).toContain("exactly one of --company or --vendor");
  });

  it("--help prints usage and exits 0", () => {
    for (const argv of [["--help"], ["keys", "--help"], ["keys", "create", "--help"]]) {
      const { exitCode, body, stderr } = cli(...argv);
      expect(exitCode).toBe(0);
      expect(body.data).toHaveProperty("commands");
      expect(stderr).toContain("keys create");
    }
  });

  it("the keys help lists every scope resource from the catalog, the unserved ones starred", () => {
    const { stderr } = cli("keys", "--help");
    expect(stderr).toContain("read:all and write:all");
    for (const resource of RESOURCES) {
      expect(stderr, resource).toMatch(new RegExp(`[ ,]${resource}${RESOURCE_CATALOG[resource].served ? "(,|\\n)" : "\\*"}`));
    }
  });
});

describe("valid arguments", () => {
  it.each([
    [["companies", "list"]],
    [["keys", "create", "--vendor", "v", "--name", "k", "--scopes", "read:*,write:jobs", "--expires-in-days", "30"]],
    [["users", "create", "--email", "a@b.test", "--password", "longenough", "--company", "c", "--role", "member"]],
    [["partnerships", "update", "p", "--status", "suspended"]],
  ])("%j is runnable", (argv) => {
    expect(parseCli(argv).kind).toBe("run");
  });
});
