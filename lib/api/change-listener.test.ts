import { describe, expect, it } from "vitest";
import { keyCache } from "@/lib/keys/cache";
import { KEY_REVOKED_CHANNEL } from "@/lib/keys/events";
import { PARTNERSHIP_CHANGED_CHANNEL } from "@/lib/tenancy/events";
import { HAULING_CHANGED_CHANNEL, readCache } from "@/lib/read-cache";
import { partnershipCache } from "@/lib/api/steps/resolve-tenant";
import { applyNotification } from "./change-listener";

const record = { id: "k1", kind: "DIRECT" as const, companyId: "c", vendorId: null, scopes: [], expiresAt: null, revokedAt: null, company: null };
const access = { status: "ACTIVE", scopes: [], company: { id: "c", name: "C", parentId: null } };

describe("applyNotification (cross-process invalidation)", () => {
  it("drops a revoked key by id or hash", () => {
    keyCache.set("hash-1", record);
    keyCache.set("hash-2", { ...record, id: "k2" });
    applyNotification(KEY_REVOKED_CHANNEL, JSON.stringify({ id: "k1" }));
    expect(keyCache.get("hash-1")).toBeUndefined();
    expect(keyCache.get("hash-2")).toBeDefined();
    applyNotification(KEY_REVOKED_CHANNEL, JSON.stringify({ hash: "hash-2" }));
    expect(keyCache.get("hash-2")).toBeUndefined();
  });

  it("drops a changed partnership", () => {
    partnershipCache.set("v:c", access);
    partnershipCache.set("v:d", access);
    applyNotification(PARTNERSHIP_CHANGED_CHANNEL, JSON.stringify({ vendorId: "v", companyId: "c", status: "SUSPENDED" }));
    expect([partnershipCache.get("v:c"), partnershipCache.get("v:d")]).toEqual([undefined, access]);
  });

  it.each([[undefined], ["not json"], ["{}"]])("an unreadable payload %j clears the whole cache (safe side)", (payload) => {
    keyCache.set("hash-3", record);
    partnershipCache.set("v:e", access);
    applyNotification(KEY_REVOKED_CHANNEL, payload);
    applyNotification(PARTNERSHIP_CHANGED_CHANNEL, payload);
    expect([keyCache.get("hash-3"), partnershipCache.get("v:e")]).toEqual([undefined, undefined]);
  });

  it("a hauling change drops that tenant's cached answers; an empty payload (TRUNCATE) drops all", () => {
    readCache.setLive(true);
    const [t1Page, t2Page] = [new TextEncoder().encode("t1 page"), new TextEncoder().encode("t2 page")];
    readCache.store(readCache.ticket("t1"), "/api/v1/jobs", t1Page);
    readCache.store(readCache.ticket("t2"), "/api/v1/jobs", t2Page);
    applyNotification(HAULING_CHANGED_CHANNEL, "t1");
    expect([readCache.lookup("t1", "/api/v1/jobs"), readCache.lookup("t2", "/api/v1/jobs")]).toEqual([undefined, t2Page]);
    applyNotification(HAULING_CHANGED_CHANNEL, "");
    expect(readCache.lookup("t2", "/api/v1/jobs")).toBeUndefined();
    readCache.setLive(false);
  });
});
