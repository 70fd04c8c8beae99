import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/audit/types";
import type { Db } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { ApiKey, Prisma } from "@/lib/generated/prisma/client";
import { getCompanyOrThrow } from "@/lib/tenancy/companies";
import { type AccessScope, companyInScope, companyWhere } from "@/lib/tenancy/scope";
import { getVendorOrThrow } from "@/lib/tenancy/vendors";
import { emitKeyRevoked, KEY_REVOKED_CHANNEL, notifyChannel } from "./events";
import { generateApiKey } from "./format";
import type { CreateKeyInput, KeyOwner, RollKeyInput } from "./schemas";

export { onKeyRevoked } from "./events";

const DAY_MS = 86_400_000;

export type KeyStatus = "active" | "expired" | "revoked";

/** What lists show: never the secret or its hash. */
export type KeyView = {
  id: string;
  kind: "direct" | "vendor";
  name: string;
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
  revokedAt: Date | null;
};

/** Returned once, at creation: the only time the secret exists outside its holder. */
export type CreatedKey = KeyView & { key: string };

export function keyStatus(key: Pick<ApiKey, "revokedAt" | "expiresAt">, now = new Date()): KeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && key.expiresAt <= now) return "expired";
  return "active";
}

export function toKeyView(key: ApiKey, now = new Date()): KeyView {
  return {
    id: key.id,
    kind: key.kind === "VENDOR" ? "vendor" : "direct",
    name: key.name,
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

/** The owner, if it exists and lies in the scope; otherwise NOT_FOUND (an owner outside the scope is not revealed). */
async function assertOwnerInScope(tx: Prisma.TransactionClient, scope: AccessScope, owner: KeyOwner): Promise<void> {
  if (owner.kind === "company") {
    const company = await getCompanyOrThrow(tx, owner.companyId);
    if (scope.kind === "vendor" || (scope.kind === "company" && !companyInScope(scope, company))) throw new NotFoundError("Company");
  } else {
    await getVendorOrThrow(tx, owner.vendorId);
    if (scope.kind === "company" || (scope.kind === "vendor" && scope.vendorId !== owner.vendorId)) throw new NotFoundError("Vendor");
  }
}

/** The key, if it exists and lies in the scope; otherwise NOT_FOUND. */
async function findKeyInScope(tx: Prisma.TransactionClient, scope: AccessScope, id: string): Promise<ApiKey> {
  const key = await tx.apiKey.findFirst({ where: { id, ...scopeWhere(scope) } });
  if (!key || !ownerOf(key)) throw new NotFoundError("API key");
  return key;
}

async function insertKey(
  tx: Prisma.TransactionClient,
  actor: Actor,
  fields: { owner: KeyOwner; name: string; scopes: string[]; expiresAt: Date | null },
): Promise<CreatedKey> {
  const generated = generateApiKey();
  const key = await tx.apiKey.create({
    data: {
      kind: fields.owner.kind === "company" ? "DIRECT" : "VENDOR",
      companyId: fields.owner.kind === "company" ? fields.owner.companyId : null,
      vendorId: fields.owner.kind === "vendor" ? fields.owner.vendorId : null,
      name: fields.name,
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

/** Direct key for a company/division, or vendor key for a vendor account. */
export async function createKey(db: Db, scope: AccessScope, actor: Actor, input: CreateKeyInput): Promise<CreatedKey> {
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY_MS) : null;
  return db.$transaction(async (tx) => {
    await assertOwnerInScope(tx, scope, input.owner);
    const created = await insertKey(tx, actor, { owner: input.owner, name: input.name, scopes: input.scopes, expiresAt });
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

/** Marks the key revoked in `tx` if it is not already; true when this call revoked it. */
async function revokeInTx(tx: Prisma.TransactionClient, key: ApiKey, now: Date): Promise<boolean> {
  // Conditional update: of two concurrent revokes exactly one changes the row (and audits it).
  const { count } = await tx.apiKey.updateMany({ where: { id: key.id, revokedAt: null }, data: { revokedAt: now } });
  if (count === 0) return false;
  await notifyChannel(tx, KEY_REVOKED_CHANNEL, { id: key.id, hash: key.hash });
  return true;
}

/**
 * Revokes a key. Revoking an already revoked key returns it unchanged (safe to retry). Listeners of
 * `onKeyRevoked` run after the commit, so a cache drops the key before the next request is verified.
 */
export async function revokeKey(db: Db, scope: AccessScope, actor: Actor, id: string): Promise<KeyView> {
  const { key, revoked } = await db.$transaction(async (tx) => {
    const found = await findKeyInScope(tx, scope, id);
    const changed = !found.revokedAt && (await revokeInTx(tx, found, new Date()));
    if (changed) {
      await recordAudit(tx, {
        actor,
        action: "api_key.revoked",
        target: { type: "api_key", id: found.id },
        ...auditTenant(found),
        metadata: { name: found.name, prefix: found.prefix },
      });
    }
    return { key: await tx.apiKey.findUniqueOrThrow({ where: { id } }), revoked: changed };
  });
  if (revoked) emitKeyRevoked({ id: key.id, hash: key.hash });
  return toKeyView(key);
}

/**
 * Replaces a key with a new secret (same owner, name and scopes) and revokes the old one at once.
 * Expiry: `expiresInDays` when given, else the old key's lifetime counted from now, else none.
 */
export async function rollKey(
  db: Db,
  scope: AccessScope,
  actor: Actor,
  id: string,
  input: RollKeyInput,
): Promise<CreatedKey & { replacesKeyId: string }> {
  const now = new Date();
  const { created, old } = await db.$transaction(async (tx) => {
    const old = await findKeyInScope(tx, scope, id);
    const oldOwner = ownerOf(old);
    if (!oldOwner) throw new NotFoundError("API key");
    if (old.revokedAt || !(await revokeInTx(tx, old, now))) throw new ConflictError("API key is already revoked; create a new key instead");
    const lifetimeMs = old.expiresAt ? old.expiresAt.getTime() - old.createdAt.getTime() : null;
    const expiresAt = input.expiresInDays
      ? new Date(now.getTime() + input.expiresInDays * DAY_MS)
      : lifetimeMs !== null
        ? new Date(now.getTime() + lifetimeMs)
        : null;
    const created = await insertKey(tx, actor, { owner: oldOwner, name: old.name, scopes: old.scopes, expiresAt });
    await recordAudit(tx, {
      actor,
      action: "api_key.rolled",
      target: { type: "api_key", id: created.id },
      ...auditTenant(created),
      metadata: { replacesKeyId: old.id, name: created.name, prefix: created.prefix, expiresAt },
    });
    return { created, old };
  });
  emitKeyRevoked({ id: old.id, hash: old.hash });
  return { ...created, replacesKeyId: old.id };
}
