import { describe, expect, it } from "vitest";
import { mintConsoleCredential } from "@/lib/console/credential";
import { type AnyHandler, runPipeline } from "./pipeline";
import { apiRequest, CONSOLE_TEST_SECRET, fakeWorld, OTHER_TENANT, TENANT, VENDOR_ID } from "./testing";

const echo: AnyHandler = ({ tenant, auth }) => ({ tenant: tenant.id, keyId: auth.keyId, console: auth.console });
const USER = { sub: "user-1", email: "admin@example.test" };

function session(scopes: string[], over: Partial<Parameters<typeof mintConsoleCredential>[1]> = {}): string {
  return mintConsoleCredential(CONSOLE_TEST_SECRET, { ...USER, kind: "DIRECT", tenant: TENANT, vendorId: null, scopes, ...over });
}

async function call(world: ReturnType<typeof fakeWorld>, request: Request, resource: "jobs" | "drivers" = "jobs") {
  const response = await runPipeline(request, {}, { resource }, echo, world.deps);
  return { response, json: await response.json() };
}

describe("runPipeline with a console session", () => {
  it("acts for the session's tenant, is logged under the console user and counted as its own identity", async () => {
    const world = fakeWorld();
    const { secret } = world.addKey({ kind: "DIRECT" });
    const { response, json } = await call(world, apiRequest("GET", "/api/v1/jobs", { key: session(["read:jobs"]) }));
    expect(response.status).toBe(200);
    expect(json.data).toEqual({ tenant: TENANT.id, keyId: null, console: { userId: "user-1", email: "admin@example.test" } });
    expect(world.log[0]).toMatchObject({ apiKeyId: null, consoleUserId: "user-1", companyId: TENANT.id, status: 200 });
    // The tenant's key has its own budget, untouched by the console call.
    const keyCall = await call(world, apiRequest("GET", "/api/v1/jobs", { key: secret }));
    expect(keyCall.response.headers.get("x-ratelimit-remaining")).toBe("499");
    expect(world.lookups.keys).toBe(1);
  });

  it("is limited to the scopes it was minted with", async () => {
    const world = fakeWorld();
    const { response, json } = await call(world, apiRequest("GET", "/api/v1/drivers", { key: session(["read:jobs"]) }), "drivers");
    expect(response.status).toBe(403);
    expect(json.error).toMatchObject({ code: "INSUFFICIENT_SCOPE", requiredScope: "read:drivers" });
  });

  it("cannot name another tenant", async () => {
    const world = fakeWorld();
    const request = apiRequest("GET", "/api/v1/jobs", { key: session(["read:all"]), headers: { "klau-tenant-id": OTHER_TENANT.id } });
    expect((await call(world, request)).response.status).toBe(403);
  });

  it("a vendor user's session acts only for partnered tenants, within key ∩ grant", async () => {
    const world = fakeWorld();
    world.partnerships.set(`${VENDOR_ID}:${TENANT.id}`, { status: "ACTIVE", scopes: ["read:jobs"], company: TENANT });
    const token = session(["read:all", "write:all"], { kind: "VENDOR", tenant: null, vendorId: VENDOR_ID });
    const ok = await call(world, apiRequest("GET", "/api/v1/jobs", { key: token, headers: { "klau-tenant-id": TENANT.id } }));
    expect(ok.response.status).toBe(200);
    expect(world.log[0]).toMatchObject({ consoleUserId: "user-1", vendorId: VENDOR_ID, companyId: TENANT.id });
    const drivers = await call(world, apiRequest("GET", "/api/v1/drivers", { key: token, headers: { "klau-tenant-id": TENANT.id } }), "drivers");
    expect(drivers.response.status).toBe(403);
    const other = await call(world, apiRequest("GET", "/api/v1/jobs", { key: token, headers: { "klau-tenant-id": OTHER_TENANT.id } }));
    expect(other.json.error.code).toBe("TENANT_ACCESS_DENIED");
  });

  it("keeps its idempotency keys apart from the tenant's keys", async () => {
    const world = fakeWorld();
    const { secret } = world.addKey({ kind: "DIRECT" });
    const write = (key: string) =>
      runPipeline(
        apiRequest("POST", "/api/v1/jobs", { key, headers: { "idempotency-key": "same" }, body: "{}" }),
        {},
        { resource: "jobs", status: 201 },
        echo,
        world.deps,
      );
    const first = await write(session(["write:jobs"]));
    const byKey = await write(secret);
    const again = await write(session(["write:jobs"]));
    expect([first.status, byKey.status, again.status]).toEqual([201, 201, 201]);
    expect([byKey.headers.get("x-idempotency-hit"), again.headers.get("x-idempotency-hit")]).toEqual([null, "true"]);
  });
});
