import { describe, expect, it } from "vitest";
import { requestOrigin } from "./request-origin";

const req = (headers: Record<string, string>) => new Request("http://localhost:3000/api/v1/openapi.json", { headers });

describe("requestOrigin", () => {
  it("uses the Host header the client sent", () => {
    expect(requestOrigin(req({ host: "127.0.0.1:3100" }), {})).toBe("http://127.0.0.1:3100");
  });

  it("honours X-Forwarded-* only behind a trusted proxy", () => {
    const forwarded = req({ host: "10.0.0.5:3000", "x-forwarded-proto": "https", "x-forwarded-host": "api.example.com" });
    expect(requestOrigin(forwarded, { KLAU_TRUST_PROXY: "1" })).toBe("https://api.example.com");
    expect(requestOrigin(forwarded, {})).toBe("http://10.0.0.5:3000");
    expect(requestOrigin(forwarded, { KLAU_TRUSTED_PROXIES: "10.0.0.0/8" })).toBe("https://api.example.com");
  });

  it("does not take the protocol from the request URL, which Next builds from X-Forwarded-Proto", () => {
    // What Next hands a route when an untrusted client sends `X-Forwarded-Proto: https`.
    const spoofed = new Request("https://127.0.0.1:3100/api/v1/openapi.json", { headers: { host: "127.0.0.1:3100", "x-forwarded-proto": "https" } });
    expect(requestOrigin(spoofed, {})).toBe("http://127.0.0.1:3100");
  });

  it("ignores a host that is not a host name (it would be echoed into the document)", () => {
    expect(requestOrigin(req({ host: "evil.com/<script>" }), {})).toBe("http://localhost:3000");
    expect(requestOrigin(req({ host: "a.b", "x-forwarded-proto": "javascript" }), { KLAU_TRUST_PROXY: "1" })).toBe("http://a.b");
  });
});
