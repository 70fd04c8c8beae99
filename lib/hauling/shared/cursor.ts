import { z } from "zod";
import { InvalidInputError } from "@/lib/errors";
import { looksLikeId } from "./ids";

/** The shared cursor query: `?limit=1..100` (default 25) and an opaque `cursor` from the previous page. */
export const paginationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(200).optional(),
});

/**
 * Keyset pagination over (createdAt, id): stable while rows are inserted or deleted, and the
 * cursor is opaque to clients (base64url of the last row's position).
 */
export type Position = { createdAt: Date; id: string };
export type Page<T> = { items: T[]; nextCursor: string | null };

export const pageOrder = [{ createdAt: "asc" }, { id: "asc" }] as const;

/** A row as a page carries it: `createdAt` as a Date (Prisma's models) or already as its ISO string (raw SQL reads). */
export type PagedRow = { createdAt: Date | string; id: string };

export function encodeCursor(p: PagedRow): string {
  const at = typeof p.createdAt === "string" ? p.createdAt : p.createdAt.toISOString();
  return Buffer.from(JSON.stringify([at, p.id])).toString("base64url");
}

/**
 * Exactly what encodeCursor writes: a row id (UUID) and an ISO time within years 1–9999. Anything
 * else (a NUL in the id, year −271821, which JavaScript accepts and PostgreSQL cannot hold) would
 * only fail in the database.
 */
function positionOf(at: unknown, id: unknown): Position | null {
  if (typeof at !== "string" || typeof id !== "string" || !looksLikeId(id)) return null;
  const createdAt = new Date(at);
  if (Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== at) return null;
  const year = createdAt.getUTCFullYear();
  return year >= 1 && year <= 9999 ? { createdAt, id } : null;
}

function tryDecode(cursor: string): Position | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2) return positionOf(parsed[0], parsed[1]);
  } catch {
    // fall through: any undecodable cursor is the client's error
  }
  return null;
}

const CURSOR_HELP = "Invalid cursor: pass the nextCursor value of a previous page unchanged";

export function decodeCursor(cursor: string): Position {
  const position = tryDecode(cursor);
  if (position) return position;
  throw new InvalidInputError(CURSOR_HELP, { field: "cursor" });
}

/**
 * The list query of every resource: the shared `limit`/`cursor`, with the cursor checked while
 * parsing so a damaged one is a 400 VALIDATION_ERROR naming the field.
 */
export const listQuery = paginationQuery.extend({
  cursor: z
    .string()
    .max(200)
    .refine((c) => tryDecode(c) !== null, CURSOR_HELP)
    .optional()
    .meta({ description: "Opaque cursor: the `pagination.nextCursor` of the previous page" }),
});

/** Where-fragment selecting rows strictly after the cursor (empty for the first page). */
export function afterCursor(cursor: string | undefined) {
  if (!cursor) return {};
  const { createdAt, id } = decodeCursor(cursor);
  return { OR: [{ createdAt: { gt: createdAt } }, { createdAt, id: { gt: id } }] };
}

/** Callers fetch `limit + 1` rows; the extra row only tells whether another page exists. */
export function toPage<R extends PagedRow, T>(rows: R[], limit: number, map: (row: R) => T): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor(last) : null;
  return { items: items.map(map), nextCursor };
}
