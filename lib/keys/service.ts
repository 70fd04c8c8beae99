import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/audit/types";
import type { Db } from "@/lib/db/client";
import { notifyChannel } from "@/lib/db/notify";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { ApiKey, Prisma } from "@/lib/generated/prisma/client";
import { getCompanyOrThrow } from "@/lib/tenancy/companies";
import { type AccessScope, companyInScope, companyWhere } from "@/lib/tenancy/scope";
import { getVendorOrThrow } from "@/lib/tenancy/vendors";
import { fieldError } from "@/lib/validation/field-error";
import { emitKeyRevoked, KEY_REVOKED_CHANNEL } from "./events";
import { expiresAtFor, expiryProblem, type KeyExpiry } from "./expiry";
import { generateApiKey } from "./format";
import { graceMs } from "./roll-grace";
import { type CreateKeyInput, type KeyOwner, type RollKeyInput, rollKeyInput, type UpdateKeyInput } from "./schemas";
import { type KeyStatus, keyStatus, keyWorks, notRevokedWhere, worksWhere } from "./status";

export { onKeyRevoked } from "./events";
export type { KeyStatus } from "./status";

const DAY_MS = 86_400_000;

/** What lists show: never the secret or its hash. */
export type KeyView = {
  id: string;
  kind: "direct" | "vendor";
  name: string;
  description: string | null;
  prefix: string;
  last4: string;
  companyId: string | null;
  vendorId: string | null;
  scopes: string[];
  status: KeyStatus;
  createdById: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  /** When the key stopped (or, while a rolled key's grace runs, will stop) working. */
  revokedAt: Date | null;
  /** The key that replaced this one by a roll. */
  replacedById: string | null;
};

/** Returned once, at creation: the only time the secret exists outside its holder. */
export type CreatedKey = KeyView & { key: string };

export function toKeyView(key: ApiKey, now = new Date()): KeyView {
  return {
    id: key.id,
    kind: key.kind === "VENDOR" ? "vendor" : "direct",
    name: key.name,
    description: key.description,
    prefix: key.prefix,
    last4: key.last4,
    companyId: key.companyId,
    vendorId: key.vendorId,
    scopes: key.scopes,
    status: keyStatus(key, now),
    createdById: key.createdById,
    createdAt: key.createdAt,
    lastUsedAt: key.lastUsedAt,
    expiresAt: key.expiresAt,
    revokedAt: key.revokedAt,
    replacedById: key.replacedById,
  };
}

function ownerWhere(owner: KeyOwner): Prisma.ApiKeyWhereInput {
  return owner.kind === "company" ? { kind: "DIRECT", companyId: owner.companyId } : { kind: "VENDOR", vendorId: owner.vendorId };
}

function ownerOf(key: ApiKey): KeyOwner | null {
  if (key.kind === "DIRECT" && key.companyId) return { kind: "company", companyId: key.companyId };
  if (key.kind === "VENDOR" && key.vendorId) return { kind: "vendor", vendorId: key.vendorId };
  return null;
}

/** The keys a scope may see: a company's (and its divisions') direct keys, or a vendor's keys. */
function scopeWhere(scope: AccessScope): Prisma.ApiKeyWhereInput {
  if (scope.kind === "company") return { kind: "DIRECT", ...companyWhere(scope) };
  if (scope.kind === "vendor") return { kind: "VENDOR", vendorId: scope.vendorId };
  return {};
}

/**
 * The owner, if it exists and lies in the scope; otherwise NOT_FOUND (an owner outside the scope is
 * not revealed). Returns the company's maximum key lifetime (null for vendors and "no maximum").
 */
async function assertOwnerInScope(tx: Prisma.TransactionClient, scope: AccessScope, owner: KeyOwner): Promise<{ maxKeyLifetimeDays: number | null }> {
  if (owner.kind === "company") {
    const company = await getCompanyOrThrow(tx, owner.companyId);
    if (scope.kind === "vendor" || (scope.kind === "company" && !companyInScope(scope, company))) throw new NotFoundError("Company");
    return { maxKeyLifetimeDays: company.maxKeyLifetimeDays };
  }
  await getVendorOrThrow(tx, owner.vendorId);
  if (scope.kind === "company" || (scope.kind === "vendor" && scope.vendorId !== owner.vendorId)) throw new NotFoundError("Vendor");
  return { maxKeyLifetimeDays: null };
}

/** The key, if it exists and lies in the scope; otherwise NOT_FOUND. */
async function findKeyInScope(tx: Prisma.TransactionClient, scope: AccessScope, id: string): Promise<ApiKey> {
  const key = await tx.apiKey.findFirst({ where: { id, ...scopeWhere(scope) } });
  if (!key || !ownerOf(key)) throw new NotFoundError("API key");
  return key;
}

/**
 * An owner's working keys have distinct names (case-insensitive): the name is how people tell keys
 * apart in lists and audit logs. The transaction-scoped advisory lock on the owner serializes
 * concurrent creates and renames, so two of them cannot both take the same name.
 */
async function assertNameFree(tx: Prisma.TransactionClient, owner: KeyOwner, name: string, now: Date, exceptId?: string): Promise<void> {
  const ownerId = owner.kind === "company" ? owner.companyId : owner.vendorId;
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`api-key-names:${ownerId}`}))) AS l`;
  const taken = await tx.apiKey.findFirst({
    where: { AND: [ownerWhere(owner), { name: { equals: name, mode: "insensitive" } }, worksWhere(now), ...(exceptId ? [{ NOT: { id: exceptId } }] : [])] },
    select: { id: true },
  });
  if (taken) throw fieldError("name", `A key named “${name}” is already in use here; choose another name`);
}

async function insertKey(
  tx: Prisma.TransactionClient,
  actor: Actor,
  fields: { owner: KeyOwner; name: string; description: string | null; scopes: string[]; expiresAt: Date | null },
): Promise<CreatedKey> {
  const generated = generateApiKey();
  const key = await tx.apiKey.create({
    data: {
      kind: fields.owner.kind === "company" ? "DIRECT" : "VENDOR",
      companyId: fields.owner.kind === "company" ? fields.owner.companyId : null,
      vendorId: fields.owner.kind === "vendor" ? fields.owner.vendorId : null,
      name: fields.name,
      description: fields.description,
      prefix: generated.prefix,
      last4: generated.last4,
      hash: generated.hash,
      scopes: fields.scopes,
      createdById: actor.userId,
      expiresAt: fields.expiresAt,
    },
  });
  return { ...toKeyView(key), key: generated.secret };
}

function auditTenant(key: { companyId: string | null; vendorId: string | null }) {
  return { companyId: key.companyId, vendorId: key.vendorId };
}

/**
 * Direct key for a company/division, or vendor key for a vendor account. A company's maximum key
 * lifetime applies to every way of creating its keys (settings page and CLI alike); with none, a key
 * created without an expiry never expires.
 */
export async function createKey(db: Db, scope: AccessScope, actor: Actor, input: CreateKeyInput): Promise<CreatedKey> {
  const now = new Date();
  const expiry: KeyExpiry = input.expiry ?? { kind: "never" };
  return db.$transaction(async (tx) => {
    const { maxKeyLifetimeDays } = await assertOwnerInScope(tx, scope, input.owner);
    const problem = expiryProblem(expiry, maxKeyLifetimeDays, now);
    if (problem) throw fieldError("expiry", problem);
    await assertNameFree(tx, input.owner, input.name, now);
    const created = await insertKey(tx, actor, {
      owner: input.owner,
      name: input.name,
      description: input.description ?? null,
      scopes: input.scopes,
      expiresAt: expiresAtFor(expiry, now),
    });
    await recordAudit(tx, {
      actor,
      action: "api_key.created",
      target: { type: "api_key", id: created.id },
      ...auditTenant(created),
      metadata: { name: created.name, prefix: created.prefix, scopes: created.scopes, expiresAt: created.expiresAt },
    });
    return created;
  });
}

/**
 * Every key in the scope (or of one owner in it), newest first, revoked and expired ones included
 * (see `status`).
 */
export async function listKeys(db: Db, scope: AccessScope, owner?: KeyOwner): Promise<KeyView[]> {
  if (owner) await assertOwnerInScope(db, scope, owner);
  const where = owner ? ownerWhere(owner) : scopeWhere(scope);
  const keys = await db.apiKey.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const now = new Date();
  return keys.map((k) => toKeyView(k, now));
}

export async function getKey(db: Db, scope: AccessScope, id: string): Promise<KeyView> {
  return toKeyView(await findKeyInScope(db, scope, id));
}

/**
 * Queues the cache invalidation of a key whose access changed (revoked, re-scoped, given a grace
 * end): every instance's key cache drops it and reads the row again on its next request.
 */
async function announceChange(tx: Prisma.TransactionClient, key: ApiKey): Promise<void> {
  await notifyChannel(tx, KEY_REVOKED_CHANNEL, { id: key.id, hash: key.hash });
}

/**
 * Sets when the key stops working (`at`: now to revoke, later for a roll's grace), if it has not
 * stopped already; true when this call changed it. Conditional, so of two concurrent calls exactly
 * one changes the row (and audits it).
 */
async function retireInTx(tx: Prisma.TransactionClient, key: ApiKey, now: Date, at: Date): Promise<boolean> {
  const { count } = await tx.apiKey.updateMany({ where: { AND: [{ id: key.id }, notRevokedWhere(now)] }, data: { revokedAt: at } });
  if (count === 0) return false;
  await announceChange(tx, key);
  return true;
}

/**
 * Revokes a key now (a rolled key in its grace period too). Revoking an already revoked key returns
 * it unchanged (safe to retry). Listeners of `onKeyRevoked` run after the commit, so a cache drops
 * the key before the next request is verified.
 */
export async function revokeKey(db: Db, scope: AccessScope, actor: Actor, id: string): Promise<KeyView> {
  const now = new Date();
  const { key, revoked } = await db.$transaction(async (tx) => {
    const found = await findKeyInScope(tx, scope, id);
    const changed = keyStatus(found, now) !== "revoked" && (await retireInTx(tx, found, now, now));
    if (changed) {
      await recordAudit(tx, {
        actor,
        action: "api_key.revoked",
        target: { type: "api_key", id: found.id },
        ...auditTenant(found),
        metadata: { name: found.name, prefix: found.prefix, scopes: found.scopes },
      });
    }
    return { key: await tx.apiKey.findUniqueOrThrow({ where: { id } }), revoked: changed };
  });
  if (revoked) emitKeyRevoked({ id: key.id, hash: key.hash });
  return toKeyView(key);
}

/**
 * Revokes, now, every working key with one of these hashes, whoever owns it (the leaked-key
 * report: holding the secret is the authority). Audited per key with the reporter as actor.
 */
export async function revokeKeysByHash(db: Db, actor: Actor, hashes: readonly string[]): Promise<number> {
  if (hashes.length === 0) return 0;
  const now = new Date();
  const revoked = await db.$transaction(async (tx) => {
    const found = await tx.apiKey.findMany({ where: { AND: [{ hash: { in: [...hashes] } }, worksWhere(now)] } });
    const changed: ApiKey[] = [];
    for (const key of found) {
      if (!(await retireInTx(tx, key, now, now))) continue;
      await recordAudit(tx, {
        actor,
        action: "api_key.leak_reported",
        target: { type: "api_key", id: key.id },
        ...auditTenant(key),
        metadata: { name: key.name, prefix: key.prefix, scopes: key.scopes, revoked: true },
      });
      changed.push(key);
    }
    return changed;
  });
  for (const key of revoked) emitKeyRevoked({ id: key.id, hash: key.hash });
  return revoked.length;
}

/**
 * Renames, describes or re-scopes a working key. A scope change applies from the key's next request
 * on every instance (the key caches drop it, as on revocation). Audited with before and after.
 */
export async function updateKey(db: Db, scope: AccessScope, actor: Actor, id: string, changes: UpdateKeyInput): Promise<KeyView> {
  const now = new Date();
  const { key, rescoped } = await db.$transaction(async (tx) => {
    const found = await findKeyInScope(tx, scope, id);
    const owner = ownerOf(found);
    if (!owner) throw new NotFoundError("API key");
    if (!keyWorks(found, now)) throw new ConflictError(`This key is ${keyStatus(found, now)}; it can no longer be changed`);
    const after = {
      name: changes.name ?? found.name,
      description: changes.description === undefined ? found.description : changes.description,
      scopes: changes.scopes ?? found.scopes,
    };
    if (after.name.toLowerCase() !== found.name.toLowerCase()) await assertNameFree(tx, owner, after.name, now, found.id);
    const rescoped = after.scopes.length !== found.scopes.length || after.scopes.some((s, i) => s !== found.scopes[i]);
    const updated = await tx.apiKey.update({ where: { id: found.id }, data: after });
    if (rescoped) await announceChange(tx, found);
    await recordAudit(tx, {
      actor,
      action: "api_key.updated",
      target: { type: "api_key", id: found.id },
      ...auditTenant(found),
      metadata: {
        prefix: found.prefix,
        before: { name: found.name, description: found.description, scopes: found.scopes },
        after,
      },
    });
    return { key: updated, rescoped };
  });
  if (rescoped) emitKeyRevoked({ id: key.id, hash: key.hash });
  return toKeyView(key, now);
}

/** The replacement's expiry: `expiresInDays`, else the old key's lifetime counted from now, within the tenant's maximum. */
function rolledExpiry(old: ApiKey, expiresInDays: number | undefined, maxDays: number | null, now: Date): Date | null {
  const lifetimeMs = expiresInDays ? expiresInDays * DAY_MS : old.expiresAt ? old.expiresAt.getTime() - old.createdAt.getTime() : null;
  const capMs = maxDays === null ? null : maxDays * DAY_MS;
  const ms = lifetimeMs === null ? capMs : capMs === null ? lifetimeMs : Math.min(lifetimeMs, capMs);
  return ms === null ? null : new Date(now.getTime() + ms);
}

/**
 * Replaces a key with a new secret (same owner, name, description and scopes). The old key keeps
 * working until the grace period ends ("now" by default: at once), linked to its replacement; key
 * verification compares that end with each request's time, so it needs no event to take effect.
 */
export async function rollKey(db: Db, scope: AccessScope, actor: Actor, id: string, rawInput: RollKeyInput): Promise<CreatedKey & { replacesKeyId: string }> {
  const input = rollKeyInput.parse(rawInput);
  const now = new Date();
  const graceEndsAt = new Date(now.getTime() + graceMs(input.grace));
  const { created, old } = await db.$transaction(async (tx) => {
    const old = await findKeyInScope(tx, scope, id);
    const oldOwner = ownerOf(old);
    if (!oldOwner) throw new NotFoundError("API key");
    if (old.replacedById) throw new ConflictError("This key was already rolled; roll its replacement instead");
    if (!keyWorks(old, now) || !(await retireInTx(tx, old, now, graceEndsAt))) {
      throw new ConflictError(`API key is already ${keyStatus(old, now)}; create a new key instead`);
    }
    const { maxKeyLifetimeDays } = await assertOwnerInScope(tx, scope, oldOwner);
    const expiresAt = rolledExpiry(old, input.expiresInDays, maxKeyLifetimeDays, now);
    const created = await insertKey(tx, actor, { owner: oldOwner, name: old.name, description: old.description, scopes: old.scopes, expiresAt });
    await tx.apiKey.update({ where: { id: old.id }, data: { replacedById: created.id } });
    await recordAudit(tx, {
      actor,
      action: "api_key.rolled",
      target: { type: "api_key", id: created.id },
      ...auditTenant(created),
      metadata: {
        replacesKeyId: old.id,
        name: created.name,
        prefix: created.prefix,
        scopes: created.scopes,
        expiresAt,
        grace: input.grace,
        oldKeyWorksUntil: graceEndsAt,
      },
    });
    return { created, old };
  });
  emitKeyRevoked({ id: old.id, hash: old.hash });
  return { ...created, replacesKeyId: old.id };
}
