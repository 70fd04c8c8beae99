import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";
import { normalizeAddress } from "@/lib/validation/addresses";
import { registerPeerAddress } from "./peer-address";
import { proxyTrust, trustsForwardedHeaders } from "./proxy-trust";

type Env = Record<string, string | undefined>;
const HOPS_1: Env = { KLAU_TRUST_PROXY: "1" };
const HOPS_2: Env = { KLAU_TRUST_PROXY: "2" };
const LIST: Env = { KLAU_TRUSTED_PROXIES: "10.0.0.0/8, 127.0.0.1, fd00::/8" };

describe("clientIp", () => {
  it.each<[string, Env, Record<string, string>, string]>([
    // Not configured: forwarded headers are the client's own words.
    ["untrusted XFF", {}, { "x-forwarded-for": "1.2.3.4" }, "unknown"],
    ["untrusted X-Real-IP", {}, { "x-real-ip": "1.2.3.4" }, "unknown"],
    ["KLAU_TRUST_PROXY=0", { KLAU_TRUST_PROXY: "0" }, { "x-forwarded-for": "1.2.3.4" }, "unknown"],
    // One appending proxy: the right-most entry is what it saw; the left part is the client's.
    ["1 hop, single entry", HOPS_1, { "x-forwarded-for": "1.2.3.4" }, "1.2.3.4"],
    ["1 hop, spoofed left-most", HOPS_1, { "x-forwarded-for": "6.6.6.6, 1.2.3.4" }, "1.2.3.4"],
    ["1 hop, many spoofed", HOPS_1, { "x-forwarded-for": "a, b, 6.6.6.6,1.2.3.4" }, "1.2.3.4"],
    ["1 hop, IPv6", HOPS_1, { "x-forwarded-for": "2001:DB8::1" }, "2001:db8::1"],
    ["1 hop, IPv4-mapped IPv6", HOPS_1, { "x-forwarded-for": "::ffff:1.2.3.4" }, "1.2.3.4"],
    ["1 hop, with port", HOPS_1, { "x-forwarded-for": "1.2.3.4:5678" }, "1.2.3.4"],
    ["1 hop, bracketed IPv6 with port", HOPS_1, { "x-forwarded-for": "[2001:db8::1]:443" }, "2001:db8::1"],
    ["1 hop, garbage right-most", HOPS_1, { "x-forwarded-for": "1.2.3.4, not-an-ip" }, "unknown"],
    ["1 hop, empty", HOPS_1, { "x-forwarded-for": " , " }, "unknown"],
    ["1 hop, no header", HOPS_1, {}, "unknown"],
    ["1 hop, X-Real-IP is not read", HOPS_1, { "x-real-ip": "5.6.7.8" }, "unknown"],
    ["1 hop, X-Real-IP beside XFF", HOPS_1, { "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8" }, "1.2.3.4"],
    // Two proxies (CDN → load balancer → app): the client is second from the right.
    ["2 hops", HOPS_2, { "x-forwarded-for": "6.6.6.6, 1.2.3.4, 10.1.1.1" }, "1.2.3.4"],
    ["2 hops, shorter chain", HOPS_2, { "x-forwarded-for": "1.2.3.4" }, "1.2.3.4"],
    // A list of trusted proxies: the right-most address not in it.
    ["list, skips trusted hops", LIST, { "x-forwarded-for": "6.6.6.6, 1.2.3.4, 10.0.0.7, 127.0.0.1" }, "1.2.3.4"],
    ["list, IPv6 trusted range", LIST, { "x-forwarded-for": "1.2.3.4, fd00::1" }, "1.2.3.4"],
    ["list, right-most untrusted", LIST, { "x-forwarded-for": "10.0.0.7, 1.2.3.4" }, "1.2.3.4"],
    ["list, all trusted → left-most", LIST, { "x-forwarded-for": "10.0.0.9, 10.0.0.7" }, "10.0.0.9"],
    ["list, garbage before a trusted hop", LIST, { "x-forwarded-for": "1.2.3.4, bogus, 10.0.0.7" }, "unknown"],
    ["list, spoofed trusted-looking left-most", LIST, { "x-forwarded-for": "10.0.0.1, 9.9.9.9" }, "9.9.9.9"],
    // A header the proxy overwrites, only when configured.
    ["configured header", { ...HOPS_1, KLAU_CLIENT_IP_HEADER: "X-Real-IP" }, { "x-forwarded-for": "6.6.6.6", "x-real-ip": "5.6.7.8" }, "5.6.7.8"],
    ["configured header, garbage", { ...HOPS_1, KLAU_CLIENT_IP_HEADER: "x-real-ip" }, { "x-real-ip": "nope" }, "unknown"],
    ["configured header without trust", { KLAU_CLIENT_IP_HEADER: "x-real-ip" }, { "x-real-ip": "5.6.7.8" }, "unknown"],
  ])("%s → %s", (_name, env, headers, expected) => {
    expect(clientIp(new Headers(headers), env)).toBe(expected);
  });

  it("reads repeated X-Forwarded-For headers as one list, in order", () => {
    const headers = new Headers();
    headers.append("x-forwarded-for", "6.6.6.6");
    headers.append("x-forwarded-for", "1.2.3.4");
    expect(clientIp(headers, HOPS_1)).toBe("1.2.3.4");
  });

  it("uses the TCP peer the fast path registered when no proxy is trusted, never a header", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6" });
    registerPeerAddress(headers, "::ffff:10.1.2.3");
    expect(clientIp(headers, {})).toBe("10.1.2.3");
    // Behind a trusted proxy the peer is the proxy: the forwarding rule decides.
    expect(clientIp(headers, HOPS_1)).toBe("6.6.6.6");
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6" }), {})).toBe("unknown");
  });
});

describe("proxy settings", () => {
  it.each<[Env, string, boolean]>([
    [{}, "none", false],
    [HOPS_1, "hops", true],
    [{ KLAU_TRUST_PROXY: "0" }, "none", false],
    [LIST, "list", true],
    [{ ...HOPS_1, ...LIST }, "list", true],
  ])("%j → %s", (env, kind, trusted) => {
    const trust = proxyTrust(env);
    expect(trust.kind).toBe(kind);
    expect(trustsForwardedHeaders(trust)).toBe(trusted);
  });

  it.each(["10.0.0.0/33", "hello", "10.0.0.0/x", "fd00::/129"])("refuses %s in KLAU_TRUSTED_PROXIES", (entry) => {
    expect(() => proxyTrust({ KLAU_TRUSTED_PROXIES: `127.0.0.1, ${entry}` })).toThrow(/KLAU_TRUSTED_PROXIES must be/);
  });

  it.each(["yes", "-1", "1.5"])("refuses KLAU_TRUST_PROXY=%s (not a count of proxies)", (hops) => {
    expect(() => proxyTrust({ KLAU_TRUST_PROXY: hops })).toThrow(/KLAU_TRUST_PROXY must be a whole number/);
  });

  it.each([
    ["1.2.3.4", "1.2.3.4"],
    [" 1.2.3.4 ", "1.2.3.4"],
    ["::FFFF:1.2.3.4", "1.2.3.4"],
    ["[::1]", "::1"],
    ["1.2.3.4:80", "1.2.3.4"],
    ["1.2.3", null],
    ["", null],
    ["1.2.3.4\u0000", null],
  ])("normalizeAddress(%j) → %j", (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });
});
