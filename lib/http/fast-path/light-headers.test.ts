import { describe, expect, it } from "vitest";
import { LightHeaders } from "./light-headers";

/** The same operations on undici's Headers and ours: what the gateway reads must not differ. */
function both(run: (h: Headers) => void): [Headers, LightHeaders] {
  const real = new Headers();
  const light = new LightHeaders();
  run(real);
  run(light as unknown as Headers);
  return [real, light];
}

const sorted = (h: Iterable<[string, string]>) => [...h].sort(([a], [b]) => a.localeCompare(b));

describe("LightHeaders (the fast path's Headers)", () => {
  it("reads, sets, appends and deletes case-insensitively, as undici's Headers", () => {
    const [real, light] = both((h) => {
      h.set("X-Request-Id", "r1");
      h.append("Vary", "accept");
      h.append("vary", "origin");
      h.set("Cache-Control", "  no-store ");
      h.set("x-gone", "1");
      h.delete("X-Gone");
      h.append("Set-Cookie", "a=1");
      h.append("set-cookie", "b=2");
    });
    for (const name of ["x-request-id", "VARY", "cache-control", "x-gone", "set-cookie", "absent"]) {
      expect(light.get(name), name).toBe(real.get(name));
      expect(light.has(name), name).toBe(real.has(name));
    }
    expect(light.getSetCookie()).toEqual(real.getSetCookie());
    expect(sorted(light)).toEqual(sorted(real));
  });

  it("is built from a record, pairs, another LightHeaders, and Node's parsed request headers", () => {
    expect(new LightHeaders({ "Content-Type": "application/json" }).get("content-type")).toBe("application/json");
    expect(new LightHeaders([["A", "1"]]).get("a")).toBe("1");
    const copy = new LightHeaders(new LightHeaders({ a: "1" }));
    copy.set("b", "2");
    expect([...copy]).toEqual([
      ["a", "1"],
      ["b", "2"],
    ]);
    const fromNode = LightHeaders.fromNode({ authorization: "Bearer k", "x-forwarded-for": "1.2.3.4", accept: undefined });
    expect(fromNode.get("Authorization")).toBe("Bearer k");
    expect(fromNode.has("accept")).toBe(false);
    // undici accepts it as HeadersInit (an iterable of pairs), e.g. for a real Request or fetch.
    expect(new Headers([...fromNode]).get("x-forwarded-for")).toBe("1.2.3.4");
  });

  it("writes Node's raw header list: the static headers it does not set, then its own, cookies one by one", () => {
    const h = new LightHeaders({ "x-request-id": "r1", "x-frame-options": "SAMEORIGIN" });
    h.append("set-cookie", "a=1");
    h.append("set-cookie", "b=2");
    expect(h.toRaw(["x-frame-options", "DENY", "x-content-type-options", "nosniff"])).toEqual([
      "x-content-type-options",
      "nosniff",
      "x-request-id",
      "r1",
      "x-frame-options",
      "SAMEORIGIN",
      "set-cookie",
      "a=1",
      "set-cookie",
      "b=2",
    ]);
  });
});
