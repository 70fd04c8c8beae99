import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/audit/types";
import type { Db } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { ApiKey, Prisma } from "@/lib/generated/prisma/client";
import { getCompanyOrThrow } from "@/lib/tenancy/companies";
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

function sameOwner(a: KeyOwner, b: KeyOwner): boolean {
  return a.kind === "company" ? b.kind === "company" && a.companyId === b.companyId : b.kind === "vendor" && a.vendorId === b.vendorId;
}

async function assertOwnerExists(tx: Prisma.TransactionClient, owner: KeyOwner): Promise<void> {
  if (owner.kind === "company") await getCompanyOrThrow(tx, owner.companyId);
  else await getVendorOrThrow(tx, owner.vendorId);
}

/** The key, if it exists and (when `owner` is given) belongs to that owner; otherwise NOT_FOUND. */
async function findOwnedKey(tx: Prisma.TransactionClient, id: string, owner?: KeyOwner): Promise<ApiKey> {
  const key = await tx.apiKey.findUnique({ where: { id } });
  const keyOwner = key && ownerOf(key);
  if (!key || !keyOwner || (owner && !sameOwner(owner, keyOwner))) throw new NotFoundError("API key");
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
export async function createKey(db: Db, actor: Actor, input: CreateKeyInput): Promise<CreatedKey> {
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY_MS) : null;
  return db.$transaction(async (tx) => {
    await assertOwnerExists(tx, input.owner);
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

/** Every key of the owner, newest first, revoked and expired ones included (see `status`). */
export async function listKeys(db: Db, owner: KeyOwner): Promise<KeyView[]> {
  await assertOwnerExists(db, owner);
  const keys = await db.apiKey.findMany({ where: ownerWhere(owner), orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const now = new Date();
  return keys.map((k) => toKeyView(k, now));
}

export async function getKey(db: Db, id: string, owner?: KeyOwner): Promise<KeyView> {
  return toKeyView(await findOwnedKey(db, id, owner));
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
export async function revokeKey(db: Db, actor: Actor, id: string, owner?: KeyOwner): Promise<KeyView> {
  const { key, revoked } = await db.$transaction(async (tx) => {
    const found = await findOwnedKey(tx, id, owner);
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
  actor: Actor,
  id: string,
  input: RollKeyInput,
  owner?: KeyOwner,
): Promise<CreatedKey & { replacesKeyId: string }> {
  const now = new Date();
  const { created, old } = await db.$transaction(async (tx) => {
    const old = await findOwnedKey(tx, id, owner);
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
