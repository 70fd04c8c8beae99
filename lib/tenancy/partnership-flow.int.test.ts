import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/types";
import { DEMO } from "@/lib/db/demo";
import { seedDemo } from "@/lib/db/seed";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { listDataAccess, vendorEffectiveAccess } from "@/lib/keys/data-access";
import { onPartnershipChanged, PARTNERSHIP_CHANGED_CHANNEL } from "./events";
import { approveRequest, denyRequest, editGrant, resumePartnership, revokePartnershipAccess, suspendPartnership } from "./partnership-decisions";
import { endPartnership, requestMoreScopes, requestPartnership, withdrawRequest } from "./partnership-requests";
import { countPendingRequests, getPartnershipDetail, listPartnershipSummaries, listPendingRequests } from "./partnership-views";
import { type CompanyScope, operatorScope, type VendorScope } from "./scope";
import { getVendorAccount, listVendorAccounts } from "@/lib/keys/vendor-account";

const { north, south, corporate } = DEMO.companies;
let t: TestDatabase;
let vendor: VendorScope;
let otherVendor: VendorScope;
const northScope: CompanyScope = { kind: "company", companyId: north.id, includeDivisions: false };
const southScope: CompanyScope = { kind: "company", companyId: south.id, includeDivisions: false };
const vendorActor: Actor = { userId: null, label: "dev@fleetio.test", ip: "203.0.113.7" };
const haulerActor: Actor = { userId: null, label: "admin.north@acme-waste.test", ip: "198.51.100.2" };
const notified: string[] = [];
const emitted: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  vendor = { kind: "vendor", vendorId: (await t.db.vendor.create({ data: { name: "Fleetio" } })).id };
  otherVendor = { kind: "vendor", vendorId: (await t.db.vendor.create({ data: { name: "Other Co" } })).id };
  await t.listen(PARTNERSHIP_CHANGED_CHANNEL, (payload) => notified.push(payload));
  onPartnershipChanged((e) => emitted.push(`${e.vendorId}:${e.companyId}:${e.status}`));
});
afterAll(async () => {
  await t?.cleanup();
});

const summaryOf = async (scope: VendorScope | CompanyScope, id: string) => getPartnershipDetail(t.db, scope, id);

describe("request → review → grant", () => {
  let partnershipId = "";

  it("refuses a tenant id that does not exist, without saying more", async () => {
    await expect(requestPartnership(t.db, vendor, vendorActor, { companyId: "a0000000-0000-4000-8000-00000000ffff", scopes: ["read:jobs"] })).rejects.toThrow(
      new NotFoundError("Company with this tenant ID"),
    );
    await expect(requestPartnership(t.db, vendor, vendorActor, { companyId: "not-a-uuid", scopes: ["read:jobs"] })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("records a request with scopes and note; nothing is granted yet", async () => {
    const request = await requestPartnership(t.db, vendor, vendorActor, {
      companyId: north.id.toUpperCase(),
      scopes: ["read:jobs", "write:jobs", "read:drivers"],
      note: "Route optimisation",
    });
    partnershipId = request.partnershipId;
    const p = await summaryOf(vendor, partnershipId);
    expect(p.state).toBe("pending");
    expect(p.grantedScopes).toEqual([]);
    expect(p.openRequest?.note).toBe("Route optimisation");
    expect(p.requestedNotGranted).toEqual(["read:jobs", "write:jobs", "read:drivers"]);
    expect(await countPendingRequests(t.db, northScope)).toBe(1);
    expect(await countPendingRequests(t.db, southScope)).toBe(0);
    await expect(requestPartnership(t.db, vendor, vendorActor, { companyId: north.id, scopes: ["read:jobs"] })).rejects.toThrow(/still pending/);
  });

  it("hides the request from other companies and other vendors", async () => {
    expect(await listPendingRequests(t.db, southScope)).toEqual([]);
    await expect(getPartnershipDetail(t.db, otherVendor, partnershipId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPartnershipDetail(t.db, southScope, partnershipId)).rejects.toBeInstanceOf(NotFoundError);
    const [pending] = await listPendingRequests(t.db, northScope);
    if (!pending) throw new Error("no pending request");
    await expect(approveRequest(t.db, southScope, haulerActor, { requestId: pending.id, scopes: ["read:jobs"] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(withdrawRequest(t.db, otherVendor, vendorActor, pending.id)).rejects.toBeInstanceOf(NotFoundError);
    // Corporate on the parent company with the divisions inventory sees it.
    const corporateAll: CompanyScope = { kind: "company", companyId: corporate.id, includeDivisions: true };
    expect((await listPendingRequests(t.db, corporateAll)).map((r) => r.id)).toEqual([pending.id]);
  });

  it("approves only requested scopes, a subset of them, and activates the partnership", async () => {
    const [pending] = await listPendingRequests(t.db, northScope);
    if (!pending) throw new Error("no pending request");
    await expect(approveRequest(t.db, northScope, haulerActor, { requestId: pending.id, scopes: ["read:jobs", "read:trucks"] })).rejects.toThrow(
      "Only requested scopes can be approved; not requested: read:trucks",
    );
    emitted.length = 0;
    const decided = await approveRequest(t.db, northScope, haulerActor, { requestId: pending.id, scopes: ["read:jobs", "read:drivers"] });
    expect(decided.status).toBe("APPROVED");
    expect(emitted).toEqual([`${vendor.vendorId}:${north.id}:ACTIVE`]);
    const p = await summaryOf(vendor, partnershipId);
    expect([p.state, p.grantedScopes, p.requestedNotGranted, p.openRequest]).toEqual(["active", ["read:jobs", "read:drivers"], ["write:jobs"], null]);
    await expect(approveRequest(t.db, northScope, haulerActor, { requestId: pending.id, scopes: ["read:jobs"] })).rejects.toBeInstanceOf(ConflictError);
  });

  it("keeps the grant while more scopes are requested, and adds what is approved", async () => {
    await expect(requestPartnership(t.db, vendor, vendorActor, { companyId: north.id, scopes: ["read:jobs"] })).rejects.toThrow(/already have a partnership/);
    await expect(requestMoreScopes(t.db, vendor, vendorActor, { partnershipId, scopes: ["read:jobs"] })).rejects.toThrow(/already granted/);
    const more = await requestMoreScopes(t.db, vendor, vendorActor, { partnershipId, scopes: ["read:jobs", "write:jobs"], note: "Create jobs" });
    expect(more.scopes).toEqual(["write:jobs"]);
    const during = await summaryOf(vendor, partnershipId);
    expect([during.state, during.grantedScopes]).toEqual(["active", ["read:jobs", "read:drivers"]]);
    await approveRequest(t.db, northScope, haulerActor, { requestId: more.id, scopes: ["write:jobs"] });
    expect((await summaryOf(northScope, partnershipId)).grantedScopes).toEqual(["read:jobs", "read:drivers", "write:jobs"]);
  });

  it("withdraws a pending request without touching the grant", async () => {
    const more = await requestMoreScopes(t.db, vendor, vendorActor, { partnershipId, scopes: ["read:trucks"] });
    await withdrawRequest(t.db, vendor, vendorActor, more.id);
    const p = await summaryOf(vendor, partnershipId);
    expect([p.state, p.openRequest, p.grantedScopes.length]).toEqual(["active", null, 3]);
    await expect(withdrawRequest(t.db, vendor, vendorActor, more.id)).rejects.toThrow(/no longer pending/);
  });

  it("denies with a reason the vendor sees", async () => {
    const more = await requestMoreScopes(t.db, vendor, vendorActor, { partnershipId, scopes: ["write:drivers"] });
    await expect(denyRequest(t.db, northScope, haulerActor, { requestId: more.id, reason: "Drivers are managed in HR" })).resolves.toMatchObject({
      status: "DENIED",
    });
    const p = await summaryOf(vendor, partnershipId);
    expect(p.lastDecision).toMatchObject({ status: "denied", decisionReason: "Drivers are managed in HR" });
    expect(p.requestedNotGranted).toEqual(["write:drivers"]);
    expect(p.state).toBe("active");
  });

  it("edits the grant, suspends keeping it, resumes unchanged, and revokes for good", async () => {
    await editGrant(t.db, northScope, haulerActor, { partnershipId, scopes: ["read:jobs", "read:drivers", "read:trucks"] });
    expect((await summaryOf(vendor, partnershipId)).grantedScopes).toEqual(["read:jobs", "read:drivers", "read:trucks"]);
    await suspendPartnership(t.db, northScope, haulerActor, partnershipId);
    expect((await summaryOf(vendor, partnershipId)).state).toBe("suspended");
    await resumePartnership(t.db, northScope, haulerActor, partnershipId);
    const resumed = await summaryOf(vendor, partnershipId);
    expect([resumed.state, resumed.grantedScopes]).toEqual(["active", ["read:jobs", "read:drivers", "read:trucks"]]);
    await expect(suspendPartnership(t.db, southScope, haulerActor, partnershipId)).rejects.toBeInstanceOf(NotFoundError);
    await revokePartnershipAccess(t.db, northScope, haulerActor, partnershipId);
    const revoked = await summaryOf(vendor, partnershipId);
    expect([revoked.state, revoked.grantedScopes]).toEqual(["revoked", []]);
    await expect(resumePartnership(t.db, northScope, haulerActor, partnershipId)).rejects.toThrow(/needs a new request/);
    await expect(requestMoreScopes(t.db, vendor, vendorActor, { partnershipId, scopes: ["read:jobs"] })).rejects.toBeInstanceOf(ConflictError);
  });

  it("starts over with a new request after a revocation, with nothing granted", async () => {
    const request = await requestPartnership(t.db, vendor, vendorActor, { companyId: north.id, scopes: ["read:jobs"] });
    expect(request.partnershipId).toBe(partnershipId);
    const p = await summaryOf(northScope, partnershipId);
    expect([p.state, p.grantedScopes, p.requestedNotGranted]).toEqual(["pending", [], ["read:jobs"]]);
    await denyRequest(t.db, northScope, haulerActor, { requestId: request.id, reason: "Not now" });
    expect((await summaryOf(vendor, partnershipId)).state).toBe("denied");
  });

  it("writes the history both sides see, with actor, before/after scopes and IP in the audit log", async () => {
    const detail = await summaryOf(vendor, partnershipId);
    expect(detail.history.map((h) => h.action).reverse()).toEqual([
      "partnership.requested",
      "partnership.approved",
      "partnership.requested",
      "partnership.approved",
      "partnership.requested",
      "partnership.request_withdrawn",
      "partnership.requested",
      "partnership.denied",
      "partnership.grant_changed",
      "partnership.suspended",
      "partnership.resumed",
      "partnership.revoked",
      "partnership.requested",
      "partnership.denied",
    ]);
    const approved = await t.db.auditEvent.findFirstOrThrow({
      where: { targetId: partnershipId, action: "partnership.approved" },
      orderBy: { createdAt: "asc" },
    });
    expect(approved).toMatchObject({ actorLabel: haulerActor.label, ip: haulerActor.ip, companyId: north.id, vendorId: vendor.vendorId });
    expect(approved.metadata).toMatchObject({
      approved: ["read:jobs", "read:drivers"],
      notApproved: ["write:jobs"],
      before: { status: "pending", scopes: [] },
      after: { status: "active", scopes: ["read:jobs", "read:drivers"] },
    });
    const requested = await t.db.auditEvent.findFirstOrThrow({
      where: { targetId: partnershipId, action: "partnership.requested" },
      orderBy: { createdAt: "asc" },
    });
    expect(requested).toMatchObject({ actorLabel: vendorActor.label, ip: vendorActor.ip });
    expect(notified.filter((n) => n.includes(partnershipId)).length).toBe(detail.history.length);
  });
});

describe("ending from the vendor side, and the views", () => {
  let partnershipId = "";

  beforeAll(async () => {
    const request = await requestPartnership(t.db, vendor, vendorActor, { companyId: south.id, scopes: ["read:jobs", "write:jobs"] });
    partnershipId = request.partnershipId;
    await approveRequest(t.db, southScope, haulerActor, { requestId: request.id, scopes: ["read:jobs"] });
  });

  it("explains effective access per resource with the API's wording", async () => {
    const key = await t.db.apiKey.create({
      data: {
        kind: "VENDOR",
        vendorId: vendor.vendorId,
        name: "sync",
        prefix: "kl_live_x",
        last4: "abcd",
        hash: "h-flow-1",
        scopes: ["write:jobs", "read:drivers"],
      },
    });
    const access = await vendorEffectiveAccess(t.db, vendor, key.id, partnershipId);
    expect(access.blocked).toBeNull();
    const jobs = access.rows.find((r) => r.resource === "jobs");
    expect(jobs?.read).toEqual({ side: "key", scope: "read:jobs", message: "This API key lacks the scope read:jobs" });
    expect(jobs?.write).toEqual({ side: "grant", scope: "write:jobs", message: "The tenant has not granted the scope write:jobs to this vendor" });
    await expect(vendorEffectiveAccess(t.db, otherVendor, key.id, partnershipId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists direct keys and live partnerships as who can access the company's data", async () => {
    const direct = { kind: "DIRECT" as const, companyId: south.id, prefix: "kl_live_y", last4: "wxyz", scopes: ["read:all"] };
    await t.db.apiKey.create({ data: { ...direct, name: "usable", hash: "h-direct-1" } });
    await t.db.apiKey.create({ data: { ...direct, name: "revoked", hash: "h-direct-2", revokedAt: new Date() } });
    await t.db.apiKey.create({ data: { ...direct, name: "expired", hash: "h-direct-3", expiresAt: new Date(Date.now() - 1000) } });
    const access = await listDataAccess(t.db, southScope);
    expect(access.keys.map((k) => k.name)).toEqual(["usable"]);
    expect(access.partnerships.map((p) => [p.vendor.name, p.grantedScopes])).toEqual([["Fleetio", ["read:jobs"]]]);
    const north = await listDataAccess(t.db, northScope);
    expect(north.partnerships.map((p) => p.vendor.name)).toEqual([DEMO.vendor.name]);
  });

  it("shows the operator a vendor account with its users, keys and partnerships", async () => {
    const account = await getVendorAccount(t.db, operatorScope(), vendor.vendorId);
    expect([account.name, account.keys.map((k) => k.name), account.partnerships.map((p) => p.company.id).sort()]).toEqual([
      "Fleetio",
      ["sync"],
      [north.id, south.id].sort(),
    ]);
    expect((await listVendorAccounts(t.db, operatorScope())).find((v) => v.id === vendor.vendorId)).toMatchObject({
      keys: 1,
      partnerships: 2,
      activePartnerships: 1,
    });
    await expect(getVendorAccount(t.db, operatorScope(), "b0000000-0000-4000-8000-00000000ffff")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("filters all partnerships for the operator", async () => {
    const operator = operatorScope();
    expect((await listPartnershipSummaries(t.db, operator, { search: "fleet" })).map((p) => p.state).sort()).toEqual(["active", "denied"]);
    expect((await listPartnershipSummaries(t.db, operator, { state: "active" })).length).toBe(2);
    expect((await listPartnershipSummaries(t.db, vendor)).every((p) => p.vendor.id === vendor.vendorId)).toBe(true);
  });

  it("lets the vendor end the partnership, cancelling its open request", async () => {
    const more = await requestMoreScopes(t.db, vendor, vendorActor, { partnershipId, scopes: ["write:jobs"] });
    await expect(endPartnership(t.db, otherVendor, vendorActor, partnershipId)).rejects.toBeInstanceOf(NotFoundError);
    await endPartnership(t.db, vendor, vendorActor, partnershipId);
    const p = await summaryOf(southScope, partnershipId);
    expect([p.state, p.openRequest]).toEqual(["ended", null]);
    expect((await t.db.partnershipRequest.findUniqueOrThrow({ where: { id: more.id } })).status).toBe("CANCELLED");
    await expect(approveRequest(t.db, southScope, haulerActor, { requestId: more.id, scopes: ["write:jobs"] })).rejects.toThrow(/no longer pending/);
  });

  it("withdrawing a first request leaves no partnership", async () => {
    const request = await requestPartnership(t.db, otherVendor, vendorActor, { companyId: south.id, scopes: ["read:jobs"] });
    await withdrawRequest(t.db, otherVendor, vendorActor, request.id);
    expect((await summaryOf(otherVendor, request.partnershipId)).state).toBe("withdrawn");
    expect(await countPendingRequests(t.db, southScope)).toBe(0);
  });
});
