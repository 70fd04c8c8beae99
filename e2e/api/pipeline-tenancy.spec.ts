import { expect, test } from "@playwright/test";
import { DEMO } from "@/lib/db/demo";
import { auth, newCompany, newKey, newPartnership, newVendor, setPartnershipStatus } from "./pipeline-fixtures";
import { expectApiError } from "./security-suite";

// Fixtures go through the operator CLI (a process per call): allow for a loaded machine.
test.describe.configure({ timeout: 180_000 });

const current = "/api/v1/companies/current";

test.describe("tenant resolution", () => {
  test("a direct key acts for its own division; naming it explicitly is fine, naming another is not", async ({ request }) => {
    const corp = await newCompany("Tenancy Corp");
    const [divA, divB] = await Promise.all([newCompany("Tenancy A", corp), newCompany("Tenancy B", corp)]);
    const [keyA, keyCorp] = await Promise.all([newKey({ company: divA }, ["read:all"]), newKey({ company: corp }, ["read:all"])]);

    const own = await request.get(current, { headers: auth(keyA.key) });
    expect(own.status()).toBe(200);
    expect((await own.json()).data).toMatchObject({ id: divA, parentId: corp, isDivision: true });
    const explicit = await request.get(current, { headers: auth(keyA.key, { "klau-tenant-id": divA }) });
    expect((await explicit.json()).data.id).toBe(divA);

    await expectApiError(await request.get(current, { headers: auth(keyA.key, { "klau-tenant-id": divB }) }), 403, "TENANT_MISMATCH");
    await expectApiError(await request.get(current, { headers: auth(keyA.key, { "klau-tenant-id": corp }) }), 403, "TENANT_MISMATCH");
    await expectApiError(await request.get(current, { headers: auth(keyCorp.key, { "klau-tenant-id": divA }) }), 403, "TENANT_MISMATCH");
    const corpSelf = await request.get(current, { headers: auth(keyCorp.key) });
    expect((await corpSelf.json()).data).toMatchObject({ id: corp, parentId: null, isDivision: false });
  });

  test("vendor keys: header required; unknown tenant and no partnership look identical", async ({ request }) => {
    const [company, vendor] = await Promise.all([newCompany("Tenancy vendor target"), newVendor("Tenancy vendor")]);
    const { key } = await newKey({ vendor }, ["read:all"]);
    await expectApiError(await request.get(current, { headers: auth(key) }), 403, "TENANT_HEADER_REQUIRED");
    const unknown = await expectApiError(
      await request.get(current, { headers: auth(key, { "klau-tenant-id": "99999999-9999-4999-8999-999999999999" }) }),
      403,
      "TENANT_ACCESS_DENIED",
    );
    const unpartnered = await expectApiError(await request.get(current, { headers: auth(key, { "klau-tenant-id": company }) }), 403, "TENANT_ACCESS_DENIED");
    expect({ ...unknown, requestId: null }).toEqual({ ...unpartnered, requestId: null });
  });

  test("a vendor acts for a partnered tenant; suspension and revocation take effect at once", async ({ request }) => {
    const [company, vendor] = await Promise.all([newCompany("Tenancy partnered"), newVendor("Tenancy partner")]);
    const { key } = await newKey({ vendor }, ["read:all"]);
    const partnership = await newPartnership(vendor, company, ["read:companies"]);
    const headers = auth(key, { "klau-tenant-id": company });
    for (let i = 0; i < 3; i++) {
      const ok = await request.get(current, { headers });
      expect(ok.status()).toBe(200);
      expect((await ok.json()).data.id).toBe(company);
    }
    await setPartnershipStatus(partnership, "suspended");
    await expectApiError(await request.get(current, { headers }), 403, "TENANT_ACCESS_DENIED");
    await setPartnershipStatus(partnership, "active");
    expect((await request.get(current, { headers })).status()).toBe(200);
    await setPartnershipStatus(partnership, "revoked");
    await expectApiError(await request.get(current, { headers }), 403, "TENANT_ACCESS_DENIED");
  });

  test("seed §3 literally: GET /api/v1/jobs?date=2026-03-15 with a vendor key and Klau-Tenant-Id", async ({ request }) => {
    const { key } = await newKey({ vendor: DEMO.vendor.id }, ["read:jobs"]);
    const response = await request.get("/api/v1/jobs?date=2026-03-15", {
      headers: { Authorization: `Bearer ${key}`, "Klau-Tenant-Id": DEMO.companies.north.id },
    });
    expect(response.status(), await response.text()).toBe(200);
    const body = await response.json();
    expect(Array.isArray(body.data)).toBe(true);
    expect(body.data.length).toBeGreaterThan(0);
    for (const job of body.data) expect(job.serviceDate).toBe("2026-03-15");
    // The same vendor has no partnership with the South division.
    await expectApiError(
      await request.get("/api/v1/jobs?date=2026-03-15", {
        headers: { Authorization: `Bearer ${key}`, "Klau-Tenant-Id": DEMO.companies.south.id },
      }),
      403,
      "TENANT_ACCESS_DENIED",
    );
    await expectApiError(await request.get("/api/v1/jobs?date=2026-03-15", { headers: auth(key) }), 403, "TENANT_HEADER_REQUIRED");
  });
});

test.describe("scopes", () => {
  test("INSUFFICIENT_SCOPE names the scope; vendor scopes are key ∩ grant", async ({ request }) => {
    const [company, vendor] = await Promise.all([newCompany("Scopes"), newVendor("Scopes vendor")]);
    const [direct, vendorKey] = await Promise.all([newKey({ company }, ["read:usage"]), newKey({ vendor }, ["read:companies", "read:usage"])]);
    await newPartnership(vendor, company, ["read:companies", "read:jobs"]);

    const denied = await expectApiError(await request.get("/api/v1/companies/current", { headers: auth(direct.key) }), 403, "INSUFFICIENT_SCOPE");
    expect(denied).toMatchObject({ requiredScope: "read:companies" });
    expect(denied.message).toContain("read:companies");
    expect((await request.get("/api/v1/usage", { headers: auth(direct.key) })).status()).toBe(200);

    const tenant = { "klau-tenant-id": company };
    expect((await request.get("/api/v1/companies/current", { headers: auth(vendorKey.key, tenant) })).status()).toBe(200);
    // The key holds read:usage, but the tenant did not grant it.
    const notGranted = await expectApiError(await request.get("/api/v1/usage", { headers: auth(vendorKey.key, tenant) }), 403, "INSUFFICIENT_SCOPE");
    expect(notGranted.requiredScope).toBe("read:usage");
    // The tenant granted read:jobs, but the key does not hold it.
    const notHeld = await expectApiError(await request.get("/api/v1/jobs", { headers: auth(vendorKey.key, tenant) }), 403, "INSUFFICIENT_SCOPE");
    expect(notHeld.requiredScope).toBe("read:jobs");
  });

  test("write scopes for POST, read scopes for GET; wildcards work", async ({ request }) => {
    const company = await newCompany("Scopes methods");
    const [readStar, writeAll] = await Promise.all([newKey({ company }, ["read:*"]), newKey({ company }, ["write:all"])]);
    const body = { name: "Scoped customer" };
    const post = (key: string) => request.post("/api/v1/customers", { headers: auth(key), data: body });
    const denied = await expectApiError(await post(readStar.key), 403, "INSUFFICIENT_SCOPE");
    expect(denied.requiredScope).toBe("write:customers");
    expect((await post(writeAll.key)).status()).toBe(201);
    expect((await request.get("/api/v1/customers", { headers: auth(readStar.key) })).status()).toBe(200);
    expect((await expectApiError(await request.get("/api/v1/customers", { headers: auth(writeAll.key) }), 403, "INSUFFICIENT_SCOPE")).requiredScope).toBe(
      "read:customers",
    );
  });
});
