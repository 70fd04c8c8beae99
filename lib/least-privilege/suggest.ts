import "server-only";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { isScope, WILDCARD_SCOPES } from "@/lib/scopes/catalog";
import { scopesAllow } from "@/lib/scopes/match";
import type { AccessScope } from "@/lib/tenancy/scope";
import { scopeSql } from "@/lib/tenancy/scope-rows";

const DAY_MS = 24 * 60 * 60 * 1000;
/** The window of requests a suggestion is based on, and how long unused makes a key stale. */
export const USAGE_WINDOW_DAYS = 30;
export const STALE_AFTER_DAYS = 90;

export type Suggestion = {
  granted: string[];
  /** Scopes that authorized requests in the last 30 days and are still granted, sorted. */
  used: string[];
  /** Granted entries no request needed. */
  unused: string[];
  /** The explicit scopes to keep; null when there is nothing to take away (or no use to base it on). */
  suggested: string[] | null;
  summary: string;
};

export type KeySuggestion = Suggestion & {
  kind: "key";
  id: string;
  name: string;
  prefix: string;
  lastUsedAt: string | null;
  /** No request for 90 days (or never, created over 90 days ago): a candidate for revocation. */
  stale: boolean;
};

export type PartnershipSuggestion = Suggestion & { kind: "partnership"; id: string; vendorId: string; vendorName: string; companyId: string };

/** The first UTC day of the window (the daily roll-up's granularity): today and the 29 days before. */
function windowStart(now: Date): Date {
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - (USAGE_WINDOW_DAYS - 1) * DAY_MS);
}

const isWildcard = (s: string) => (WILDCARD_SCOPES as readonly string[]).includes(s);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Pure: compares what was granted with what requests needed. */
export function suggest(granted: readonly string[], usedScopes: readonly string[]): Suggestion {
  const used = [...new Set(usedScopes)].filter((s) => isScope(s) && scopesAllow(granted, s)).sort();
  const unused = granted.filter((g) => !used.some((u) => isScope(u) && scopesAllow([g], u)));
  const sameSet = used.length === granted.length && used.every((u) => granted.includes(u));
  const suggested = used.length > 0 && !sameSet ? used : null;
  const wildcards = granted.filter(isWildcard);
  const summary =
    wildcards.length > 0
      ? `Granted ${wildcards.join(", ")}; uses ${plural(used.length, "scope")}`
      : `Uses ${granted.length - unused.length} of ${plural(granted.length, "granted scope")}`;
  return { granted: [...granted], used, unused, suggested, summary };
}

/** Distinct scopes per subject (a key id, or "vendor|company") in the scope's roll-up rows since `since`. */
async function usedScopes(db: Db, scope: AccessScope, subject: Prisma.Sql, subjects: string[], since: Date): Promise<Map<string, string[]>> {
  const rows = await db.$queryRaw<{ subject: string; scopes: string[] }[]>`
    SELECT ${subject} AS subject, array_agg(DISTINCT "scope") AS scopes FROM "ApiUsageDaily"
    WHERE ${scopeSql(scope)} AND "day" >= ${since} AND "scope" <> '' AND ${subject} = ANY(${subjects}::text[])
    GROUP BY 1`;
  return new Map(rows.map((r) => [r.subject, r.scopes]));
}

/**
 * For each active key the scope owns (a company's direct keys; a vendor's keys): granted vs used in
 * the last 30 days, and whether it has been idle 90 days. Read from the hourly roll-up.
 */
export async function keySuggestions(db: Db, scope: AccessScope, now = new Date()): Promise<KeySuggestion[]> {
  const owner: Prisma.ApiKeyWhereInput =
    scope.kind === "company"
      ? {
          kind: "DIRECT",
          ...(scope.includeDivisions ? { OR: [{ companyId: scope.companyId }, { company: { parentId: scope.companyId } }] } : { companyId: scope.companyId }),
        }
      : scope.kind === "vendor"
        ? { kind: "VENDOR", vendorId: scope.vendorId }
        : {};
  const keys = await db.apiKey.findMany({
    where: { ...owner, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  if (keys.length === 0) return [];
  const since = windowStart(now);
  const used = await usedScopes(
    db,
    scope,
    Prisma.sql`"apiKeyId"`,
    keys.map((k) => k.id),
    since,
  );
  const staleBefore = now.getTime() - STALE_AFTER_DAYS * DAY_MS;
  return keys.map((k) => ({
    kind: "key",
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    stale: (k.lastUsedAt ?? k.createdAt).getTime() < staleBefore,
    ...suggest(k.scopes, used.get(k.id) ?? []),
  }));
}

/** For each active partnership of a company scope: the grant vs what the vendor's requests needed there. */
export async function partnershipSuggestions(db: Db, scope: AccessScope, now = new Date()): Promise<PartnershipSuggestion[]> {
  if (scope.kind !== "company") return [];
  const partnerships = await db.partnership.findMany({
    where: {
      status: "ACTIVE",
      ...(scope.includeDivisions ? { OR: [{ companyId: scope.companyId }, { company: { parentId: scope.companyId } }] } : { companyId: scope.companyId }),
    },
    include: { vendor: { select: { name: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (partnerships.length === 0) return [];
  const pairs = partnerships.map((p) => `${p.vendorId}|${p.companyId}`);
  const since = windowStart(now);
  const used = await usedScopes(db, scope, Prisma.sql`("vendorId" || '|' || "companyId")`, pairs, since);
  return partnerships.map((p) => ({
    kind: "partnership",
    id: p.id,
    vendorId: p.vendorId,
    vendorName: p.vendor.name,
    companyId: p.companyId,
    ...suggest(p.scopes, used.get(`${p.vendorId}|${p.companyId}`) ?? []),
  }));
}
