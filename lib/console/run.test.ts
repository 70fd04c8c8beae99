import { describe, expect, it, vi } from "vitest";
import { ForbiddenError, InvalidInputError } from "@/lib/errors";
import { generateApiKey } from "@/lib/keys/format";
import { verifyConsoleCredential } from "./credential";
import type { ConsoleUser } from "./identity";
import { runConsoleCall } from "./run";

vi.mock("server-only", () => ({}));

const SECRET = "a-secret-of-at-least-thirty-two-characters";
const TENANT = { id: "a0000000-0000-4000-8000-000000000002", name: "North", parentId: null };
const admin: ConsoleUser = { userId: "u1", email: "admin@x.test", canWrite: true, binding: { kind: "DIRECT", tenant: TENANT, vendorId: null } };
const member: ConsoleUser = { ...admin, userId: "u2", canWrite: false };

function fakeFetch(status = 200, headers: Record<string, string> = {}) {
  const calls: Request[] = [];
  const impl = (async (url: URL, init: RequestInit) => {
    calls.push(new Request(url, init));
    return new Response(JSON.stringify({ data: [] }), { status, headers: { "x-request-id": "req_1", "set-cookie": "a=b", ...headers } });
  }) as unknown as typeof fetch;
  return { calls, impl };
}

const env = (fetchImpl: typeof fetch, tenantId: string | null = null) => ({
  secret: SECRET,
  origin: "http://127.0.0.1:3000",
  clientIp: "1.2.3.4",
  tenantId,
  fetch: fetchImpl,
});

describe("runConsoleCall", () => {
  it("as me: sends a console credential bound to the user, tenant and chosen scopes to this app's /api/v1", async () => {
    const f = fakeFetch();
    const result = await runConsoleCall(
      admin,
      { call: { method: "GET", path: "/api/v1/jobs?date=2026-03-15" }, identity: { type: "session", scopes: ["read:jobs"] } },
      env(f.impl),
    );
    expect(result).toMatchObject({
      status: 200,
      headers: [
        ["x-request-id", "req_1"],
        ["content-type", expect.any(String)],
      ],
    });
    const sent = f.calls[0];
    expect(sent?.url).toBe("http://127.0.0.1:3000/api/v1/jobs?date=2026-03-15");
    const token = sent?.headers.get("authorization")?.replace("Bearer ", "") ?? "";
    const verified = verifyConsoleCredential(SECRET, token);
    expect(verified.ok && verified.claims).toMatchObject({ sub: "u1", email: "admin@x.test", kind: "DIRECT", tenant: TENANT, scopes: ["read:jobs"] });
    expect(verified.ok && verified.claims.exp - verified.claims.iat).toBeLessThanOrEqual(15 * 60);
    expect(sent?.headers.get("x-forwarded-for")).toBe("1.2.3.4");
    expect(JSON.stringify(result)).not.toContain(token);
  });

  it("writes carry the body and Idempotency-Key; a vendor's hauler goes in Klau-Tenant-Id", async () => {
    const f = fakeFetch(201);
    const vendor: ConsoleUser = { ...admin, binding: { kind: "VENDOR", tenant: null, vendorId: "v1" } };
    await runConsoleCall(
      vendor,
      { call: { method: "POST", path: "/api/v1/jobs", body: '{"a":1}', idempotencyKey: "k-1" }, identity: { type: "session", scopes: ["write:all"] } },
      env(f.impl, TENANT.id),
    );
    const sent = f.calls[0];
    expect([sent?.method, sent?.headers.get("idempotency-key"), sent?.headers.get("klau-tenant-id"), sent?.headers.get("content-type")]).toEqual([
      "POST",
      "k-1",
      TENANT.id,
      "application/json",
    ]);
    expect(await sent?.text()).toBe('{"a":1}');
  });

  it("with a key: sends the pasted key as is, and refuses anything that is not a key without echoing it", async () => {
    const f = fakeFetch();
    const { secret } = generateApiKey();
    await runConsoleCall(admin, { call: { method: "GET", path: "/api/v1/drivers" }, identity: { type: "key", key: secret } }, env(f.impl));
    expect(f.calls[0]?.headers.get("authorization")).toBe(`Bearer ${secret}`);
    const pasted = "my-password-123";
    const refusal = runConsoleCall(admin, { call: { method: "GET", path: "/api/v1/drivers" }, identity: { type: "key", key: pasted } }, env(f.impl));
    await expect(refusal).rejects.toThrow(InvalidInputError);
    await expect(refusal).rejects.not.toThrow(pasted);
  });

  it("reports each minted credential (scopes, expiry) before sending, and none for a pasted key or a refusal", async () => {
    const f = fakeFetch();
    const issued: { scopes: string[]; expiresAt: Date }[] = [];
    const audited = { ...env(f.impl), onCredentialIssued: async (c: { scopes: string[]; expiresAt: Date }) => void issued.push(c) };
    const before = Date.now();
    await runConsoleCall(
      admin,
      { call: { method: "GET", path: "/api/v1/jobs" }, identity: { type: "session", scopes: ["read:drivers", "read:jobs"] } },
      audited,
    );
    expect(issued).toEqual([{ scopes: ["read:jobs", "read:drivers"], expiresAt: expect.any(Date) }]);
    const token = f.calls[0]?.headers.get("authorization")?.replace("Bearer ", "") ?? "";
    const verified = verifyConsoleCredential(SECRET, token);
    expect(verified.ok && verified.claims.exp * 1000).toBe(issued[0]?.expiresAt.getTime());
    expect(issued[0]?.expiresAt.getTime()).toBeLessThanOrEqual(before + 15 * 60_000);

    await runConsoleCall(admin, { call: { method: "GET", path: "/api/v1/jobs" }, identity: { type: "key", key: generateApiKey().secret } }, audited);
    await expect(
      runConsoleCall(member, { call: { method: "GET", path: "/api/v1/jobs" }, identity: { type: "session", scopes: ["write:jobs"] } }, audited),
    ).rejects.toThrow(ForbiddenError);
    expect(issued).toHaveLength(1);
  });

  it.each([
    ["a member's write", member, { method: "POST" as const, path: "/api/v1/jobs", body: "{}" }, ["read:all"], ForbiddenError],
    ["a member asking for write scopes", member, { method: "GET" as const, path: "/api/v1/jobs" }, ["write:jobs"], ForbiddenError],
    ["an internal path", admin, { method: "GET" as const, path: "/api/internal/cli" }, ["read:all"], InvalidInputError],
    ["another host", admin, { method: "GET" as const, path: "http://example.com" }, ["read:all"], InvalidInputError],
    ["an unknown scope", admin, { method: "GET" as const, path: "/api/v1/jobs" }, ["read:everything"], InvalidInputError],
  ])("refuses %s before sending anything", async (_label, user, call, scopes, error) => {
    const f = fakeFetch();
    await expect(runConsoleCall(user, { call, identity: { type: "session", scopes } }, env(f.impl))).rejects.toThrow(error);
    expect(f.calls).toHaveLength(0);
  });
});
