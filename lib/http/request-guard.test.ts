import { createServer, Server } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardRequest, installRequestGuard, methodRefusal } from "./request-guard";

/** Sends raw HTTP/1.1 and returns the whole answer (the server closes or we stop after a response). */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(text));
    let out = "";
    socket.on("data", (chunk) => {
      out += chunk.toString("utf8");
      if (/\r\n\r\n[\s\S]*\}$/.test(out) || out.endsWith("\r\n\r\nok")) socket.end();
    });
    socket.on("end", () => resolve(out));
    socket.on("error", reject);
  });
}

describe("request guard", () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    installRequestGuard(Server.prototype);
    server = createServer((_req, res) => res.end("ok"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    port = typeof address === "object" && address ? address.port : 0;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each(["TRACE", "TRACK"])("%s → 405 in the envelope, before the app", async (method) => {
    const answer = await raw(port, `${method} /api/v1/jobs HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 405 /);
    expect(answer.toLowerCase()).toContain("allow: get, head, post, put, patch, delete, options");
    const body = JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4)) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe("METHOD_NOT_ALLOWED");
    expect(body.error.requestId).toMatch(/^req_/);
  });

  it("a method the HTTP parser does not know → 405 in the envelope, not a bare 400", async () => {
    const answer = await raw(port, "FOO /login HTTP/1.1\r\nHost: x\r\n\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 405 /);
    expect(answer).toContain('"code":"METHOD_NOT_ALLOWED"');
    expect(answer.toLowerCase()).toContain("x-content-type-options: nosniff");
  });

  it("other methods reach the app", async () => {
    expect(await raw(port, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).toMatch(/^HTTP\/1\.1 200 [\s\S]*ok$/);
  });

  it.each(["/api/v1/jobs/%ZZ", "/api/v1/jobs/%C3%28", "/api/v1/jobs/%FF%FE", "/api/v1/jobs/%ED%A0%80", "/x%"])(
    "path %s → 400 in the envelope",
    async (path) => {
      const answer = await raw(port, `GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`);
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).toContain('"code":"BAD_REQUEST"');
    },
  );

  it.each(["/api/v1/jobs/%E2%82%AC", "/api/v1/jobs?cursor=%ZZ", "/login?x=%FF", "/%F0%9F%9A%9B"])("lets %s through", (url) => {
    expect(guardRequest("GET", url)).toBeNull();
  });

  it("never echoes an odd method name", () => {
    expect(JSON.parse(methodRefusal("<script>").body).error.message).toMatch(/^This method is not supported/);
  });
});
