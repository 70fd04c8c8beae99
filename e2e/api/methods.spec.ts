import { connect } from "node:net";
import { expect, test } from "@playwright/test";
import { E2E_PORT } from "../env";
import { expectApiError } from "./security-suite";

/** TRACE used to answer 500 on every route (Next builds a fetch Request, which refuses TRACE). */
for (const path of [
  "/api/v1/jobs",
  "/api/v1/jobs/3f1c9a1e-8b7d-4c55-9a3e-2f64d1b0c9aa",
  "/api/v1/nowhere",
  "/api/health",
  "/api/auth/session",
  "/login",
  "/docs",
  "/",
]) {
  for (const method of ["TRACE", "TRACK"]) {
    test(`${method} ${path} → 405 in the envelope`, async ({ request }) => {
      const response = await request.fetch(path, { method });
      await expectApiError(response, 405, "METHOD_NOT_ALLOWED");
      expect(response.headers().allow).toContain("GET");
    });
  }
}

/** Node's parser refuses method names it does not know; they get the envelope instead of a bare 400. */
test("an unknown method → 405 in the envelope", async () => {
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = connect(E2E_PORT, "127.0.0.1", () => socket.write("FOO /api/v1/jobs HTTP/1.1\r\nHost: x\r\n\r\n"));
    let out = "";
    socket.on("data", (chunk) => {
      out += chunk.toString("utf8");
    });
    socket.on("end", () => resolve(out));
    socket.on("error", reject);
  });
  expect(answer).toMatch(/^HTTP\/1\.1 405 /);
  const body = JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4)) as { error: { code: string } };
  expect(body.error.code).toBe("METHOD_NOT_ALLOWED");
});
