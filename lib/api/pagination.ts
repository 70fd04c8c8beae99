import "server-only";
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
