import "server-only";
import { z } from "zod";
import { scopeList } from "@/lib/tenancy/schemas";

/** Flag values arrive as strings; these turn them into what the shared domain schemas expect. */
export const csvScopes = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(scopeList);

export const wholeNumber = z.string().regex(/^\d+$/, "must be a whole number").transform(Number);

/** Refinement: exactly one of the given flags is present (`--company` or `--vendor`, not both). */
export function exactlyOne(flags: readonly string[]) {
  const list = flags.map((f) => `--${f}`).join(" or ");
  return [
    (value: Record<string, unknown>) => flags.filter((f) => value[f] !== undefined && value[f] !== false).length === 1,
    { message: `give exactly one of ${list}` },
  ] as const;
}

/** Refinement: at most one of the given flags. */
export function atMostOne(flags: readonly string[]) {
  const list = flags.map((f) => `--${f}`).join(", ");
  return [
    (value: Record<string, unknown>) => flags.filter((f) => value[f] !== undefined && value[f] !== false).length <= 1,
    { message: `give at most one of ${list}` },
  ] as const;
}
