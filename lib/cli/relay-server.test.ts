import fs from "node:fs";
import { request } from "node:http";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { success } from "./envelope";
import { relayToOwner } from "./relay";
import { type CliRelay, startCliRelay } from "./relay-server";

const relays: CliRelay[] = [];
const dirs: string[] = [];

function tempDir(name = "klau-relay-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), name));
  dirs.push(dir);
  return dir;
}

async function relayIn(dataRoot: string, run = async (argv: string[]) => success({ argv })) {
  const relay = await startCliRelay(dataRoot, "owner-token", run);
  relays.push(relay);
  return relay;
}

function raw(socket: string, method: string, target: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: socket, path: target, method, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(JSON.stringify({ argv: [] }));
  });
}

afterEach(async () => {
  for (const relay of relays.splice(0)) await relay.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the CLI relay (Unix socket)", () => {
  it("listens beside the data directory, owner-only, and answers the owner's CLI", async () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, "cli.sock"), "left by a killed owner");
    const relay = await relayIn(root);
    expect(relay.socket).toBe(path.join(root, "cli.sock"));
    expect(fs.lstatSync(relay.socket).isSocket()).toBe(true);
    expect(fs.lstatSync(relay.socket).mode & 0o777).toBe(0o600);
    const result = await relayToOwner({ socket: relay.socket, token: "owner-token" }, ["companies", "list"]);
    expect(result).toMatchObject({ exitCode: 0 });
    expect(JSON.parse((result as { output: string }).output)).toEqual({ data: { argv: ["companies", "list"] } });
  });

  it("refuses without the token, on other paths and methods, and reports a closed relay as not listening", async () => {
    const relay = await relayIn(tempDir());
    const auth = { authorization: "Bearer owner-token", "content-type": "application/json" };
    expect(await raw(relay.socket, "POST", "/", {})).toBe(401);
    expect(await raw(relay.socket, "POST", "/", { authorization: "Bearer owner-tokeN" })).toBe(401);
    expect(await raw(relay.socket, "POST", "/api/internal/cli", auth)).toBe(404);
    expect(await raw(relay.socket, "GET", "/", auth)).toBe(404);
    const wrong = await relayToOwner({ socket: relay.socket, token: "guess" }, ["companies", "list"]);
    expect(JSON.parse((wrong as { output: string }).output).error.code).toBe("OWNER_UNREACHABLE");
    await relays.splice(0)[0]?.close();
    expect(fs.existsSync(relay.socket)).toBe(false);
    expect(await relayToOwner({ socket: relay.socket, token: "owner-token" }, ["companies", "list"])).toBe("not-listening");
  });

  it("moves to a private temp directory when the path beside the data is too long for a socket", async () => {
    const deep = path.join(tempDir(), "d".repeat(60), "e".repeat(40));
    fs.mkdirSync(deep, { recursive: true });
    const relay = await relayIn(deep);
    expect(path.dirname(relay.socket)).not.toBe(deep);
    expect(path.dirname(path.dirname(relay.socket))).toBe(os.tmpdir());
    expect(await relayToOwner({ socket: relay.socket, token: "owner-token" }, ["vendors", "list"])).toMatchObject({ exitCode: 0 });
    await relays.splice(0)[0]?.close();
    expect(fs.existsSync(path.dirname(relay.socket))).toBe(false);
  });

  it("answers 500 (not a crash) when the command cannot run at all", async () => {
    const relay = await relayIn(tempDir(), async () => {
      throw new Error("database did not open");
    });
    const result = await relayToOwner({ socket: relay.socket, token: "owner-token" }, ["companies", "list"]);
    expect(JSON.parse((result as { output: string }).output).error).toMatchObject({ code: "OWNER_UNREACHABLE" });
  });
});
