import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { loadSessionUser, type SessionUser } from "@/lib/auth/user";
import { DEMO } from "@/lib/db/demo";
import { seedDemo } from "@/lib/db/seed";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { ConflictError } from "@/lib/errors";
import { createKey, getKey, revokeKey } from "@/lib/keys/service";
import { entityId } from "@/lib/tenancy/schemas";
import { operatorScope } from "@/lib/tenancy/scope";
import { type ActionDeps, createActionWrappers } from "./create-actions";

const { companies, users } = DEMO;
type DemoUser = keyof typeof users;

let t: TestDatabase;
const sessionUsers = new Map<DemoUser, SessionUser>();
/** Who the fake session says is signed in; null = signed out. */
let signedIn: DemoUser | null = null;
const loggedErrors: unknown[] = [];

const deps: ActionDeps = {
  getDb: async () => t.db,
  getSessionUserId: async () => (signedIn ? (sessionUsers.get(signedIn)?.id ?? null) : null),
  getClientIp: async () => "203.0.113.9",
  rethrow: (error) => {
    if (error instanceof Error && error.message === "NEXT_REDIRECT") throw error;
  },
  logError: (error) => loggedErrors.push(error),
};
const { authorizedAction, publicAction } = createActionWrappers(deps);

const RevokeKeyInput = z.object({ tenantId: entityId, keyId: entityId });
const runRevoke = vi.fn();
const revokeKeyAction = authorizedAction({ on: "tenant", permission: "keys:manage", input: RevokeKeyInput }, ({ input, ctx }) => {
  runRevoke(ctx);
  return revokeKey(ctx.db, ctx.scope, ctx.actor, input.keyId);
});

let northKeyId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  for (const [name, { email }] of Object.entries(users)) {
    const row = await t.db.user.findUniqueOrThrow({ where: { email } });
    const user = await loadSessionUser(t.db, row.id);
    if (user) sessionUsers.set(name as DemoUser, user);
  }
});
afterAll(async () => {
  await t?.cleanup();
});

let keysMade = 0;
async function freshNorthKey(): Promise<string> {
  keysMade += 1;
  // Working keys of one company have distinct names.
  const key = await createKey(
    t.db,
    operatorScope(),
    { userId: null, label: "test", ip: null },
    {
      owner: { kind: "company", companyId: companies.north.id },
      name: `North integration ${keysMade}`,
      scopes: ["read:jobs"],
    },
  );
  return key.id;
}

async function auditCount(): Promise<number> {
  return t.db.auditEvent.count();
}

describe("authorizedAction on a tenant", () => {
  beforeAll(async () => {
    northKeyId = await freshNorthKey();
  });

  it.each([
    ["a signed-out caller", null, "UNAUTHORIZED"],
    ["a member (read-only role)", "northMember", "FORBIDDEN"],
    ["an admin of another division", "southAdmin", "NOT_FOUND"],
    // A vendor user has no membership: the tenant is not revealed to exist, as for any stranger.
    ["a vendor user", "vendor", "NOT_FOUND"],
    // The operator manages through operator pages and the CLI, not a tenant's settings.
    ["the operator", "operator", "NOT_FOUND"],
  ] as const)("refuses %s with %s and writes nothing", async (_who, user, code) => {
    signedIn = user;
    runRevoke.mockClear();
    const before = await auditCount();
    const result = await revokeKeyAction({ tenantId: companies.north.id, keyId: northKeyId });
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(runRevoke).not.toHaveBeenCalled();
    expect((await getKey(t.db, operatorScope(), northKeyId)).status).toBe("active");
    expect(await auditCount()).toBe(before);
  });

  it("refuses a tenant that does not exist like one the user cannot see", async () => {
    signedIn = "northAdmin";
    const result = await revokeKeyAction({ tenantId: "00000000-0000-4000-8000-000000000000", keyId: northKeyId });
    expect(result).toEqual({ ok: false, error: { code: "NOT_FOUND", message: "Tenant not found" } });
  });

  it("reports invalid input field by field, before touching anything", async () => {
    signedIn = "northAdmin";
    runRevoke.mockClear();
    const result = await revokeKeyAction({ tenantId: companies.north.id, keyId: "" });
    expect(result).toMatchObject({ ok: false, error: { code: "VALIDATION_ERROR" }, fieldErrors: { keyId: [expect.any(String)] } });
    expect(runRevoke).not.toHaveBeenCalled();
  });

  it("lets an admin of the tenant act, auditing them with their IP", async () => {
    signedIn = "northAdmin";
    const result = await revokeKeyAction({ tenantId: companies.north.id, keyId: northKeyId });
    expect(result).toMatchObject({ ok: true, data: { id: northKeyId, status: "revoked" } });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "api_key.revoked", targetId: northKeyId } });
    expect(event).toMatchObject({ actorLabel: users.northAdmin.email, ip: "203.0.113.9", companyId: companies.north.id });
    expect(event.actorUserId).toBe(sessionUsers.get("northAdmin")?.id);
  });

  it("gives the action the caller's role and a scope of exactly the tenant", async () => {
    signedIn = "northAdmin";
    runRevoke.mockClear();
    await revokeKeyAction({ tenantId: companies.north.id, keyId: await freshNorthKey() });
    expect(runRevoke.mock.calls[0]?.[0]).toMatchObject({
      role: "ADMIN",
      tenant: { id: companies.north.id },
      scope: { kind: "company", companyId: companies.north.id, includeDivisions: false },
    });
  });

  it("lets a corporate user act on a division's key from the parent (all divisions)", async () => {
    signedIn = "corporate";
    runRevoke.mockClear();
    const result = await revokeKeyAction({ tenantId: companies.corporate.id, keyId: await freshNorthKey() });
    expect(result).toMatchObject({ ok: true, data: { status: "revoked" } });
    expect(runRevoke.mock.calls[0]?.[0]).toMatchObject({
      role: "CORPORATE",
      scope: { kind: "company", companyId: companies.corporate.id, includeDivisions: true },
    });
  });

  it("gives a corporate user switched into a division the CORPORATE role there, with the division's name", async () => {
    signedIn = "corporate";
    runRevoke.mockClear();
    expect(await revokeKeyAction({ tenantId: companies.north.id, keyId: await freshNorthKey() })).toMatchObject({ ok: true });
    expect(runRevoke.mock.calls[0]?.[0]).toMatchObject({
      role: "CORPORATE",
      tenant: { id: companies.north.id, name: companies.north.name, parentId: companies.corporate.id },
      scope: { kind: "company", companyId: companies.north.id, includeDivisions: false },
    });
  });

  it("treats a valid session of a user who no longer exists as signed out", async () => {
    const ghost = await t.db.user.create({ data: { email: "ghost@acme-waste.test", name: "Ghost", passwordHash: "x" } });
    await t.db.membership.create({ data: { userId: ghost.id, companyId: companies.north.id, role: "ADMIN" } });
    await t.db.user.delete({ where: { id: ghost.id } });
    sessionUsers.set("ghost" as DemoUser, { id: ghost.id, email: ghost.email, name: ghost.name, isOperator: false, vendor: null });
    signedIn = "ghost" as DemoUser;
    try {
      expect(await revokeKeyAction({ tenantId: companies.north.id, keyId: await freshNorthKey() })).toMatchObject({
        ok: false,
        error: { code: "UNAUTHORIZED" },
      });
    } finally {
      sessionUsers.delete("ghost" as DemoUser);
    }
  });

  it("does not let a division's admin reach a key of another division by id", async () => {
    signedIn = "southAdmin";
    const keyId = await freshNorthKey();
    const before = await auditCount();
    const result = await revokeKeyAction({ tenantId: companies.south.id, keyId });
    expect(result).toEqual({ ok: false, error: { code: "NOT_FOUND", message: "API key not found" } });
    expect((await getKey(t.db, operatorScope(), keyId)).status).toBe("active");
    expect(await auditCount()).toBe(before);
  });

  it("accepts a form's FormData as input", async () => {
    signedIn = "northAdmin";
    const form = new FormData();
    form.set("tenantId", companies.north.id);
    form.set("keyId", await freshNorthKey());
    form.set("$ACTION_ID_abc", "");
    expect(await revokeKeyAction(form)).toMatchObject({ ok: true, data: { status: "revoked" } });
  });
});

describe("errors thrown by the action", () => {
  const throwing = (error: unknown) =>
    authorizedAction({ on: "tenant", permission: "keys:read", input: z.object({ tenantId: entityId }) }, async () => {
      throw error;
    });

  it("maps a domain error through the one error table", async () => {
    signedIn = "northMember";
    expect(await throwing(new ConflictError("Already done"))({ tenantId: companies.north.id })).toEqual({
      ok: false,
      error: { code: "CONFLICT", message: "Already done" },
    });
  });

  it("hides an unexpected error's text and logs it", async () => {
    signedIn = "northMember";
    loggedErrors.length = 0;
    const secret = new Error("connection string postgres://user:pw@db");
    expect(await throwing(secret)({ tenantId: companies.north.id })).toEqual({
      ok: false,
      error: { code: "INTERNAL_ERROR", message: "An unexpected error occurred" },
    });
    expect(loggedErrors).toEqual([secret]);
  });

  it("lets the framework's redirect pass through", async () => {
    signedIn = "northMember";
    await expect(throwing(new Error("NEXT_REDIRECT"))({ tenantId: companies.north.id })).rejects.toThrow("NEXT_REDIRECT");
  });
});

describe("authorizedAction on a vendor or the operator", () => {
  const vendorAction = authorizedAction({ on: "vendor", permission: "vendor:keys", input: z.object({}) }, async ({ ctx }) => ctx.scope);
  const operatorAction = authorizedAction({ on: "operator", permission: "operator:manage", input: z.object({}) }, async ({ ctx }) => ctx.scope.kind);

  it("gives a vendor user their vendor's scope", async () => {
    signedIn = "vendor";
    expect(await vendorAction({})).toEqual({ ok: true, data: { kind: "vendor", vendorId: DEMO.vendor.id } });
  });

  it.each(["northAdmin", "operator"] as const)("refuses %s a vendor action as not found", async (user) => {
    signedIn = user;
    expect(await vendorAction({})).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it("gives the operator the operator scope and refuses everyone else", async () => {
    signedIn = "operator";
    expect(await operatorAction({})).toEqual({ ok: true, data: "operator" });
    for (const user of ["corporate", "vendor"] as const) {
      signedIn = user;
      expect(await operatorAction({})).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    }
  });

  it("refuses a permission the role does not hold", async () => {
    signedIn = "vendor";
    const exportAudit = authorizedAction({ on: "vendor", permission: "audit:export", input: z.object({}) }, async () => "exported");
    expect(await exportAudit({})).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });
});

describe("publicAction", () => {
  const echo = publicAction({ input: z.object({ email: z.email("Enter a valid email address") }) }, async ({ input, ctx }) => ({
    email: input.email,
    ip: ctx.ip,
  }));

  it("runs without a session", async () => {
    signedIn = null;
    expect(await echo({ email: "a@b.test" })).toEqual({ ok: true, data: { email: "a@b.test", ip: "203.0.113.9" } });
  });

  it("parses its input with the same field errors", async () => {
    expect(await echo({ email: "nope" })).toEqual({
      ok: false,
      error: { code: "VALIDATION_ERROR", message: "Invalid request: email: Enter a valid email address" },
      fieldErrors: { email: ["Enter a valid email address"] },
    });
  });
});
