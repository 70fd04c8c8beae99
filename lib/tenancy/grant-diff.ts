/**
 * The change a decision makes to a grant, scope by scope, for the review screens: a request's
 * scopes against the current grant, or an edited grant against the current one.
 */
export type ScopeChange = "added" | "removed" | "unchanged" | "not-granted";
export type ScopeDiffRow = { scope: string; change: ScopeChange };

/** Approving `approved` (of `requested`) on top of `current`: unchanged, added, or not granted. */
export function approvalDiff(current: readonly string[], requested: readonly string[], approved: readonly string[]): ScopeDiffRow[] {
  const has = new Set(current);
  const yes = new Set(approved);
  return [
    ...current.map((scope) => ({ scope, change: "unchanged" as const })),
    ...requested.filter((s) => !has.has(s)).map((scope) => ({ scope, change: yes.has(scope) ? ("added" as const) : ("not-granted" as const) })),
  ];
}

/** Replacing the grant `before` with `after`. */
export function grantDiff(before: readonly string[], after: readonly string[]): ScopeDiffRow[] {
  const next = new Set(after);
  const prev = new Set(before);
  return [
    ...before.map((scope) => ({ scope, change: next.has(scope) ? ("unchanged" as const) : ("removed" as const) })),
    ...after.filter((s) => !prev.has(s)).map((scope) => ({ scope, change: "added" as const })),
  ];
}
