import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CompanyScope } from "@/lib/tenancy/scope";
import { KEY_FILTERS } from "./filters";
import { type KeyStatus, keyStatus, notRevokedWhere, statusWhere } from "./status";

/**
 * What the API keys pages read: a page of a tenant's direct keys with filters, one key with its
 * recent requests. Never the secret or its hash.
 */
export const KEY_PAGE_SIZE = 25;

export const keyListQuery = z.object({
  /** "current" (the default) is every key but the revoked ones. */
  status: z.enum(KEY_FILTERS).default("current"),
  search: z.string().trim().max(64).default(""),
  /** With an "All divisions" scope: only this company or division. */
  companyId: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type KeyListQuery = z.input<typeof keyListQuery>;

type KeyRef = { id: string; name: string; prefix: string; last4: string; lastUsedAt: Date | null; revokedAt: Date | null; status: KeyStatus };

export type KeyRow = {
  id: string;
  name: string;
  description: string | null;
  prefix: string;
  last4: string;
  scopes: string[];
  status: KeyStatus;
  company: { id: string; name: string };
  createdBy: { name: string; email: string } | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** The key that replaced this one (roll), and the one this one replaced. */
  replacedBy: KeyRef | null;
  replaces: KeyRef | null;
  /** Requests in the last 30 UTC days, per day (oldest first) and in all: the list's sparkline (key-page-usage.ts). */
  usage?: KeyUsage;
};

export type KeyUsage = { total: number; daily: number[] };
export const KEY_USAGE_DAYS = 30;

export type KeyPage = { rows: KeyRow[]; total: number; page: number; pageCount: number; pageSize: number };

export type RecentRequest = { id: string; at: Date; method: string; path: string; status: number; requestId: string; durationMs: number };
export type KeyDetail = KeyRow & { recentRequests: RecentRequest[] };

export const RECENT_REQUESTS = 20;

/** Direct keys of the scope's company (and of its divisions with `includeDivisions`). */
export function companyKeysWhere(scope: CompanyScope): Prisma.ApiKeyWhereInput {
  return scope.includeDivisions
    ? { kind: "DIRECT", OR: [{ companyId: scope.companyId }, { company: { parentId: scope.companyId } }] }
    : { kind: "DIRECT", companyId: scope.companyId };
}

const refSelect = { id: true, name: true, prefix: true, last4: true, lastUsedAt: true, revokedAt: true, expiresAt: true } as const;

const rowInclude = {
  company: { select: { id: true, name: true } },
  createdBy: { select: { name: true, email: true } },
  replacedBy: { select: refSelect },
  replaces: { select: refSelect },
} as const satisfies Prisma.ApiKeyInclude;

type RowRecord = Prisma.ApiKeyGetPayload<{ include: typeof rowInclude }>;

function toRef(key: RowRecord["replacedBy"], now: Date): KeyRef | null {
  if (!key) return null;
  const { expiresAt, ...ref } = key;
  return { ...ref, status: keyStatus({ revokedAt: key.revokedAt, expiresAt }, now) };
}

function toRow(key: RowRecord, now: Date): KeyRow {
  return {
    id: key.id,
    name: key.name,
    description: key.description,
    prefix: key.prefix,
    last4: key.last4,
    scopes: key.scopes,
    status: keyStatus(key, now),
    // Direct keys always have a company (companyKeysWhere); the fallback keeps the type honest.
    company: key.company ?? { id: key.companyId ?? "", name: "" },
    createdBy: key.createdBy,
    createdAt: key.createdAt,
    lastUsedAt: key.lastUsedAt,
    expiresAt: key.expiresAt,
    revokedAt: key.revokedAt,
    replacedBy: toRef(key.replacedBy, now),
    replaces: toRef(key.replaces, now),
  };
}

/** One page of keys, newest first, filtered by status, name and (All divisions) company. */
export async function listKeyPage(db: Db, scope: CompanyScope, raw: KeyListQuery, now = new Date()): Promise<KeyPage> {
  const query = keyListQuery.parse(raw);
  const filters: Prisma.ApiKeyWhereInput[] = [companyKeysWhere(scope)];
  if (query.status === "current") filters.push(notRevokedWhere(now));
  else if (query.status !== "all") filters.push(statusWhere(query.status, now));
  if (query.search) filters.push({ name: { contains: query.search, mode: "insensitive" } });
  if (query.companyId) filters.push({ companyId: query.companyId });
  const where: Prisma.ApiKeyWhereInput = { AND: filters };
  const total = await db.apiKey.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / KEY_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const keys = await db.apiKey.findMany({
    where,
    include: rowInclude,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * KEY_PAGE_SIZE,
    take: KEY_PAGE_SIZE,
  });
  return { rows: keys.map((k) => toRow(k, now)), total, page, pageCount, pageSize: KEY_PAGE_SIZE };
}

/** One key in the scope with its last requests from the request log; outside the scope → NotFound. */
export async function getKeyDetail(db: Db, scope: CompanyScope, keyId: string, now = new Date()): Promise<KeyDetail> {
  const key = await db.apiKey.findFirst({ where: { AND: [{ id: keyId }, companyKeysWhere(scope)] }, include: rowInclude });
  if (!key) throw new NotFoundError("API key");
  const requests = await db.apiRequestLog.findMany({
    where: { apiKeyId: key.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: RECENT_REQUESTS,
  });
  return {
    ...toRow(key, now),
    recentRequests: requests.map((r) => ({
      id: r.id.toString(),
      at: r.createdAt,
      method: r.method,
      path: r.path,
      status: r.status,
      requestId: r.requestId,
      durationMs: r.durationMs,
    })),
  };
}

/** The companies whose keys a scope lists (for the division filter of "All divisions"). */
export async function scopeCompanies(db: Db, scope: CompanyScope): Promise<{ id: string; name: string; parentId: string | null }[]> {
  return db.company.findMany({
    where: scope.includeDivisions ? { OR: [{ id: scope.companyId }, { parentId: scope.companyId }] } : { id: scope.companyId },
    select: { id: true, name: true, parentId: true },
    orderBy: [{ parentId: { sort: "asc", nulls: "first" } }, { name: "asc" }],
  });
}
