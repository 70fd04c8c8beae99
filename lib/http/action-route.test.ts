import { describe, expect, it, vi } from "vitest";
import { actionRoute } from "./action-route";
import type { ActionResult } from "@/lib/actions/create-actions";
import { requestHeaders } from "@/lib/request-context/request-headers";

const ORIGIN = "http://localhost:3000";

function post(body: string, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}/api/console/tenant`, {
    method: "POST",
    headers: { host: "localhost:3000", origin: ORIGIN, "content-type": "application/json", ...headers },
    body,
  });
}

describe("actionRoute", () => {
  it("passes the parsed JSON to the action, with the request's headers in scope, and answers its result", async () => {
    const seen: unknown[] = [];
    const route = actionRoute(async (input: unknown): Promise<ActionResult<{ echoed: unknown }>> => {
      seen.push((await requestHeaders()).get("x-marker"));
      return { ok: true, data: { echoed: input } };
    });
    const response = await route(post(JSON.stringify({ a: 1 }), { "x-marker": "m1" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ ok: true, data: { echoed: { a: 1 } } });
    expect(seen).toEqual(["m1"]);
  });

  it("answers an action's failure with the status of its code", async () => {
    const route = actionRoute(async (): Promise<ActionResult<never>> => ({ ok: false, error: { code: "NOT_FOUND", message: "Hauler not found" } }));
    const response = await route(post("{}"));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ ok: false, error: { code: "NOT_FOUND", message: "Hauler not found" } });
  });

  it("refuses another site's page, a request without Origin, a non-JSON body and bad JSON before the action runs", async () => {
    const action = vi.fn(async (): Promise<ActionResult<null>> => ({ ok: true, data: null }));
    const route = actionRoute(action);
    const crossSite = await route(post("{}", { origin: "https://evil.example" }));
    expect(crossSite.status).toBe(403);
    expect(((await crossSite.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    const noOrigin = new Request(`${ORIGIN}/api/console/tenant`, {
      method: "POST",
      headers: { host: "localhost:3000", "content-type": "application/json" },
      body: "{}",
    });
    expect((await route(noOrigin)).status).toBe(403);
    // A cross-site <form> can post text/plain without a preflight: never accepted.
    expect((await route(post("{}", { "content-type": "text/plain" }))).status).toBe(415);
    const badJson = await route(post("{not json"));
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as { error: { code: string } }).error.code).toBe("INVALID_JSON");
    expect((await route(post(`"${"x".repeat(2 * 1024 * 1024)}"`))).status).toBe(413);
    expect(action).not.toHaveBeenCalled();
  });

  it("accepts the app's own origin behind a proxy that names the public host", async () => {
    const route = actionRoute(async (): Promise<ActionResult<string>> => ({ ok: true, data: "ok" }));
    const proxied = post("{}", { host: "10.0.0.5:3000", origin: "https://klau.example", "x-forwarded-host": "klau.example" });
    expect((await route(proxied)).status).toBe(200);
  });
});
