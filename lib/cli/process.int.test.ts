import { execFile } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The CLI as a process: stdout is exactly one JSON document, exit codes, and where it runs on the
 * embedded database (alone; through the app that owns the data directory; refused when busy).
 */
const root = mkdtempSync(path.join(os.tmpdir(), "klau-c-cli-"));
const TSX = path.resolve("node_modules/.bin/tsx");

type Run = { code: number; stdout: string; stderr: string };

function run(command: string, args: string[], env: Record<string, string>, stdin = ""): Promise<Run> {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  return new Promise((resolve) => {
    const child = execFile(command, args, { env: { ...base, ...env }, timeout: 140_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
    child.stdin?.end(stdin);
  });
}

const klau = (dataDir: string, args: string[], env: Record<string, string> = {}, stdin = "") =>
  run(TSX, ["--conditions=react-server", "scripts/cli.ts", ...args], { KLAU_DATA_DIR: dataDir, ...env }, stdin);

function onlyJson(stdout: string) {
  // One document and nothing else: JSON.parse rejects anything before or after it.
  return JSON.parse(stdout) as { data?: unknown; error?: { code: string; message: string } };
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

// Each case starts processes (tsx, PGlite): generous limits for a busy 2-core machine.
const SLOW = { timeout: 150_000 };

describe("the CLI process, alone on the embedded database", SLOW, () => {
  const dir = path.join(root, "alone");

  it("`npm run klau -- companies list` prints one JSON document (no npm banner) and releases the directory", async () => {
    const result = await run("npm", ["run", "--silent", "klau", "--", "companies", "list"], { KLAU_DATA_DIR: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(onlyJson(result.stdout)).toEqual({ data: [] });
    expect(existsSync(path.join(dir, "pglite"))).toBe(true);
    expect(existsSync(path.join(dir, "owner.json"))).toBe(false);
  });

  it("without --silent too (.npmrc sets loglevel=silent)", async () => {
    const result = await run("npm", ["run", "klau", "--", "vendors", "create", "--name", "Solo"], { KLAU_DATA_DIR: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(onlyJson(result.stdout)).toMatchObject({ data: { name: "Solo" } });
  });

  it("bad arguments: exit 2, USAGE envelope, usage on stderr, no stack, no database opened", async () => {
    const fresh = path.join(root, "never-opened");
    const result = await klau(fresh, ["keys", "create", "--company", "c", "--name", "k", "--scopes", "read:nope"]);
    expect(result.code).toBe(2);
    expect(onlyJson(result.stdout).error?.code).toBe("USAGE");
    expect(result.stderr).toContain("usage: npm run klau -- keys create");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(fresh)).toBe(false);
  });

  it("a bad setting: exit 1, CONFIG envelope naming the variable, no database opened", async () => {
    const fresh = path.join(root, "bad-config");
    const result = await klau(fresh, ["companies", "list"], { KLAU_READ_CACHE_MB: "abc" });
    expect(result.code).toBe(1);
    expect(onlyJson(result.stdout)).toEqual({
      error: { code: "CONFIG", message: 'Invalid configuration: KLAU_READ_CACHE_MB must be a number > 0, got "abc"' },
    });
    expect(existsSync(fresh)).toBe(false);
  });

  it("unknown id: exit 1 with NOT_FOUND", async () => {
    const result = await klau(dir, ["keys", "revoke", "00000000-0000-4000-8000-000000000000"]);
    expect(result.code).toBe(1);
    expect(onlyJson(result.stdout)).toEqual({ error: { code: "NOT_FOUND", message: "API key not found" } });
  });

  it("persists between runs, taking over a lock left by a dead process", async () => {
    writeFileSync(path.join(dir, "owner.json"), JSON.stringify({ pid: 2 ** 22 + 12345, startedAt: new Date().toISOString(), token: "stale", socket: null }));
    const result = await klau(dir, ["vendors", "list"]);
    expect(result.code, result.stderr).toBe(0);
    expect(onlyJson(result.stdout)).toMatchObject({ data: [{ name: "Solo" }] });
    expect(existsSync(path.join(dir, "owner.json"))).toBe(false);
  });

  it("refuses, with a clear error, when another live process owns the directory without serving it", async () => {
    const busy = path.join(root, "busy");
    mkdirSync(busy, { recursive: true });
    // This test process plays a live owner that publishes no URL (e.g. a seed still running).
    writeFileSync(path.join(busy, "owner.json"), JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString(), token: "t", socket: null }));
    const result = await klau(busy, ["companies", "list"], { KLAU_CLI_WAIT_MS: "600" });
    expect(result.code).toBe(1);
    const body = onlyJson(result.stdout);
    expect(body.error?.code).toBe("DATABASE_BUSY");
    expect(body.error?.message).toContain(`in use by process ${process.pid}`);
    expect(existsSync(path.join(busy, "pglite"))).toBe(false);
  });
});

describe("the CLI while an app owns the embedded database", SLOW, () => {
  const dir = path.join(root, "served");
  let socket: string;
  let token: string;
  const previous = { KLAU_DATA_DIR: process.env.KLAU_DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };

  beforeAll(async () => {
    process.env.KLAU_DATA_DIR = dir;
    delete process.env.DATABASE_URL; // the relay exists for the embedded database only
    const { getDb } = await import("@/lib/db/client");
    await getDb(); // this test process now owns `dir`, like `next start` does
    const { heldOwnership, publishOwnerSocket } = await import("@/lib/db/ownership");
    const owner = heldOwnership();
    if (!owner) throw new Error("the test process should own the directory");
    token = owner.token;
    // The very relay the app starts (lib/db/startup.ts), in this process.
    const { serveCliFromApp } = await import("@/lib/cli/relay-server");
    socket = await serveCliFromApp(dir, token);
    publishOwnerSocket(dir, socket);
  });

  afterAll(async () => {
    const { disconnectDb } = await import("@/lib/db/client");
    await disconnectDb();
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("creates a company, a vendor, a key and a partnership through the app; each shows up in list", async () => {
    const data = async (args: string[]) => {
      const result = await klau(dir, args);
      expect(result.code, `${args.join(" ")}: ${result.stdout} ${result.stderr}`).toBe(0);
      return onlyJson(result.stdout).data as Record<string, unknown> & { id: string };
    };
    const company = await data(["companies", "create", "--name", "Served Co"]);
    const vendor = await data(["vendors", "create", "--name", "Served Vendor"]);
    const key = await data(["keys", "create", "--vendor", vendor.id, "--name", "k", "--scopes", "read:jobs"]);
    expect(key.key).toMatch(/^kl_live_/);
    const partnership = await data(["partnerships", "create", "--vendor", vendor.id, "--company", company.id, "--scopes", "read:jobs"]);

    expect(JSON.stringify(await data(["companies", "list"]))).toContain(company.id);
    expect(JSON.stringify(await data(["vendors", "list"]))).toContain(vendor.id);
    expect(JSON.stringify(await data(["keys", "list", "--vendor", vendor.id]))).toContain(key.id);
    expect(JSON.stringify(await data(["partnerships", "list", "--vendor", vendor.id]))).toContain(partnership.id);

    // It ran in this process, on this process's database.
    const { getDb } = await import("@/lib/db/client");
    expect(await (await getDb()).company.count({ where: { id: company.id } })).toBe(1);
  });

  it("relays failures with their exit codes", async () => {
    const usage = await klau(dir, ["keys", "list"]);
    expect(usage.code).toBe(2);
    expect(onlyJson(usage.stdout).error?.code).toBe("USAGE");
    const missing = await klau(dir, ["partnerships", "revoke", "nope"]);
    expect(missing.code).toBe(1);
    expect(onlyJson(missing.stdout).error?.code).toBe("NOT_FOUND");
  });

  it("the relay is a Unix socket beside the data directory, owner-only, and refuses requests without the owner token", async () => {
    expect(socket).toBe(path.join(dir, "cli.sock"));
    const stat = lstatSync(socket);
    expect(stat.isSocket()).toBe(true);
    expect(stat.mode & 0o777).toBe(0o600);
    const post = (headers: Record<string, string>, body = JSON.stringify({ argv: ["companies", "list"] }), method = "POST") =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ socketPath: socket, path: "/", method, headers: { "content-type": "application/json", ...headers } }, (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => {
            text += chunk.toString();
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
        req.on("error", reject);
        req.end(method === "GET" ? undefined : body);
      });
    expect((await post({})).status).toBe(401);
    expect((await post({ authorization: "Bearer wrong" })).status).toBe(401);
    expect((await post({ authorization: token })).status).toBe(401);
    expect((await post({}, "", "GET")).status).toBe(401);
    const ok = await post({ authorization: `Bearer ${token}` });
    expect(ok.status).toBe(200);
    const body = JSON.parse(ok.body) as { data: { exitCode: number; output: string } };
    expect(body.data.exitCode).toBe(0);
    expect(JSON.parse(body.data.output)).toHaveProperty("data");
    expect((await post({ authorization: `Bearer ${token}` }, "{")).status).toBe(400);
  });

  it("users create --password-stdin: the password comes from stdin (never argv) and is the one stored", async () => {
    const secret = "stdin-only-secret-9";
    const result = await klau(dir, ["users", "create", "--email", "stdin@served.test", "--password-stdin", "--operator"], {}, `${secret}\n`);
    expect(result.code, result.stderr).toBe(0);
    const created = onlyJson(result.stdout).data as { email: string };
    expect(created.email).toBe("stdin@served.test");
    const { getDb } = await import("@/lib/db/client");
    const stored = await (await getDb()).user.findUniqueOrThrow({ where: { email: "stdin@served.test" } });
    const { compare } = await import("bcryptjs");
    expect(await compare(secret, stored.passwordHash)).toBe(true);
    expect(await compare(`${secret}\n`, stored.passwordHash)).toBe(false);

    const empty = await klau(dir, ["users", "create", "--email", "empty@served.test", "--password-stdin", "--operator"], {}, "");
    expect(empty.code).toBe(2);
    expect(onlyJson(empty.stdout).error?.message).toContain("--password-stdin: nothing was read from stdin");
    const both = await klau(dir, ["users", "create", "--email", "both@served.test", "--password", "longenough", "--password-stdin", "--operator"], {}, "x\n");
    expect(both.code).toBe(2);
    expect(onlyJson(both.stdout).error?.message).toContain("give exactly one of --password or --password-stdin");
  });
});
