import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { InvalidInputError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AccessScope } from "@/lib/tenancy/scope";
import { scopeWhere } from "@/lib/tenancy/scope-rows";

const CURSOR_HELP = "Invalid cursor: pass the nextCursor value of a previous page unchanged";

/** The request log's filters (the page's form and its URL share this schema). */
export const requestLogFilters = z.object({
  requestId: z.string().trim().max(100).optional(),
  apiKeyId: z.string().trim().max(100).optional(),
  vendorId: z.string().trim().max(100).optional(),
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"]).optional(),
  path: z.string().trim().max(200).optional(),
  status: z.coerce.number().int().min(100).max(599).optional(),
  errorCode: z.string().trim().max(60).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type RequestLogFilters = z.input<typeof requestLogFilters>;

export type RequestLogRow = {
  id: string;
  createdAt: string;
  apiKeyId: string | null;
  consoleUserId: string | null;
  vendorId: string | null;
  companyId: string | null;
  method: string;
  path: string;
  status: number;
  errorCode: string | null;
  scope: string | null;
  durationMs: number;
  requestId: string;
};

type Position = { createdAt: Date; id: bigint };

function encodeCursor(p: Position): string {
  return Buffer.from(`${p.createdAt.toISOString()}|${p.id}`).toString("base64url");
}

function decodeCursor(cursor: string): Position {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || !/^\d+$/.test(id) || Number.isNaN(createdAt.getTime())) throw new InvalidInputError(CURSOR_HELP, { field: "cursor" });
  return { createdAt, id: BigInt(id) };
}

/**
 * Requests the scope may see, newest first, filtered; keyset pagination over (createdAt, id) on the
 * (companyId, createdAt) index, so page 1 000 costs what page 1 does. A request id is unique in
 * practice and looked up on its own index.
 */
export async function listRequestLog(db: Db, scope: AccessScope, filters: RequestLogFilters): Promise<{ items: RequestLogRow[]; nextCursor: string | null }> {
  const f = requestLogFilters.parse(filters);
  const where: Prisma.ApiRequestLogWhereInput = { ...(await scopeWhere(db, scope)) };
  if (f.requestId) where.requestId = f.requestId;
  if (f.apiKeyId) where.apiKeyId = f.apiKeyId;
  if (f.vendorId) where.vendorId = f.vendorId;
  if (f.method) where.method = f.method;
  if (f.path) where.path = { startsWith: f.path };
  if (f.status !== undefined) where.status = f.status;
  if (f.errorCode) where.errorCode = f.errorCode;
  if (f.from || f.to) where.createdAt = { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) };
  if (f.cursor) {
    const { createdAt, id } = decodeCursor(f.cursor);
    where.AND = [{ OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] }];
  }
  const rows = await db.apiRequestLog.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: f.limit + 1 });
  const items = rows.slice(0, f.limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => ({ ...r, id: String(r.id), createdAt: r.createdAt.toISOString() })),
    nextCursor: rows.length > f.limit && last ? encodeCursor(last) : null,
  };
}
