import { z } from "zod";

/** The shared cursor query: `?limit=1..100` (default 25) and an opaque `cursor` from the previous page. */
export const paginationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(200).optional(),
});

export type PaginationQuery = z.infer<typeof paginationQuery>;

const PAGINATED = Symbol("paginated");

export type Paginated<T> = {
  readonly [PAGINATED]: true;
  readonly items: T[];
  readonly nextCursor: string | null;
};

/** Return this from a handler to answer `{"data":[…],"pagination":{"nextCursor":…}}`. */
export function paginated<T>(items: T[], nextCursor: string | null): Paginated<T> {
  return { [PAGINATED]: true, items, nextCursor };
}

export function isPaginated(value: unknown): value is Paginated<unknown> {
  return typeof value === "object" && value !== null && PAGINATED in value;
}

/**
 * Keyset pagination helper: fetch `limit + 1` rows ordered by id; this trims the extra row and
 * turns its presence into the next cursor (the last returned id).
 */
export function pageOf<T extends { id: string }>(rows: T[], limit: number): Paginated<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return paginated(items, rows.length > limit && last ? last.id : null);
}
