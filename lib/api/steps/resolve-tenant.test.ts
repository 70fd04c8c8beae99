import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { OTHER_TENANT, TENANT, VENDOR_ID } from "@/lib/api/testing";
import { TtlCache } from "@/lib/cache/ttl-cache";
import type { KeyRecord } from "@/lib/keys/cache";
import { type PartnershipAccess, resolveTenant } from "./resolve-tenant";

const direct: KeyRecord = {
  id: "k1",
  kind: "DIRECT",
  companyId: TENANT.id,
  vendorId: null,
  scopes: [],
  expiresAt: null,
  revokedAt: null,
  company: TENANT,
};
const vendor: KeyRecord = { ...direct, id: "k2", kind: "VENDOR", companyId: null, vendorId: VENDOR_ID, company: null };

function world(status = "ACTIVE") {
  const rows = new Map<string, PartnershipAccess>([[`${VENDOR_ID}:${TENANT.id}`, { status, scopes: ["read:jobs"], company: TENANT }]]);
  let lookups = 0;
  const lookup = async (v: string, c: string) => {
    lookups++;
    return rows.get(`${v}:${c}`) ?? null;
  };
  return { rows, lookup, cache: new TtlCache<PartnershipAccess | null>(60_000), lookups: () => lookups };
}

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof ApiError) return `${error.status} ${error.code}`;
    throw error;
  }
}

describe("resolveTenant", () => {
  it.each([
    ["direct, no header", direct, null, "ok"],
    ["direct, own id", direct, TENANT.id, "ok"],
    ["direct, own id upper-case", direct, TENANT.id.toUpperCase(), "ok"],
    ["direct, blank header", direct, "  ", "ok"],
    ["direct, foreign tenant", direct, OTHER_TENANT.id, "403 TENANT_MISMATCH"],
    ["direct, garbage header", direct, "not-a-uuid", "403 TENANT_MISMATCH"],
    ["vendor, no header", vendor, null, "403 TENANT_HEADER_REQUIRED"],
    ["vendor, partnered tenant", vendor, TENANT.id, "ok"],
    ["vendor, unknown tenant", vendor, "99999999-9999-4999-8999-999999999999", "403 TENANT_ACCESS_DENIED"],
    ["vendor, tenant without partnership", vendor, OTHER_TENANT.id, "403 TENANT_ACCESS_DENIED"],
    ["vendor, not a uuid", vendor, "x'; DROP TABLE", "403 TENANT_ACCESS_DENIED"],
  ] as const)("%s → %s", async (_name, key, header, expected) => {
    const w = world();
    expect(await code(resolveTenant(key, header, w.lookup, w.cache))).toBe(expected);
  });

  it.each(["PENDING", "SUSPENDED", "REVOKED"])("a %s partnership gives no access", async (status) => {
    const w = world(status);
    expect(await code(resolveTenant(vendor, TENANT.id, w.lookup, w.cache))).toBe("403 TENANT_ACCESS_DENIED");
  });

  it("an unknown tenant and a tenant without partnership answer identically", async () => {
    const w = world();
    const messages = await Promise.all(
      ["99999999-9999-4999-8999-999999999999", OTHER_TENANT.id].map((id) =>
        resolveTenant(vendor, id, w.lookup, w.cache).catch((e: ApiError) => [e.code, e.message]),
      ),
    );
    expect(messages[0]).toEqual(messages[1]);
  });

  it("returns the tenant and granted scopes, cached until the partnership changes", async () => {
    const w = world();
    const resolved = await resolveTenant(vendor, TENANT.id, w.lookup, w.cache);
    expect(resolved).toEqual({ tenant: TENANT, grantedScopes: ["read:jobs"] });
    await resolveTenant(vendor, TENANT.id, w.lookup, w.cache);
    expect(w.lookups()).toBe(1);
    w.rows.set(`${VENDOR_ID}:${TENANT.id}`, { status: "SUSPENDED", scopes: ["read:jobs"], company: TENANT });
    w.cache.delete(`${VENDOR_ID}:${TENANT.id}`);
    expect(await code(resolveTenant(vendor, TENANT.id, w.lookup, w.cache))).toBe("403 TENANT_ACCESS_DENIED");
  });

  it("the process-wide cache drops a partnership on a change event", async () => {
    const { partnershipCache } = await import("./resolve-tenant");
    const { emitPartnershipChanged } = await import("@/lib/tenancy/events");
    const w = world();
    await resolveTenant(vendor, TENANT.id, w.lookup, partnershipCache);
    w.rows.set(`${VENDOR_ID}:${TENANT.id}`, { status: "REVOKED", scopes: [], company: TENANT });
    emitPartnershipChanged({ id: "p", vendorId: VENDOR_ID, companyId: TENANT.id, status: "REVOKED" });
    expect(await code(resolveTenant(vendor, TENANT.id, w.lookup, partnershipCache))).toBe("403 TENANT_ACCESS_DENIED");
  });
});
