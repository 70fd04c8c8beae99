import "server-only";
import type { Db } from "@/lib/db/client";
import { keyUsageSeries } from "@/lib/request-log/usage";
import type { CompanyScope } from "@/lib/tenancy/scope";
import { KEY_USAGE_DAYS, type KeyListQuery, type KeyPage, listKeyPage } from "./queries";

/** A page of keys, each with its requests per day over the last 30 days (one roll-up query for the page). */
export async function listKeyPageWithUsage(db: Db, scope: CompanyScope, query: KeyListQuery, now = new Date()): Promise<KeyPage> {
  const page = await listKeyPage(db, scope, query, now);
  const usage = await keyUsageSeries(
    db,
    scope,
    page.rows.map((k) => k.id),
    KEY_USAGE_DAYS,
    now,
  );
  return { ...page, rows: page.rows.map((k) => ({ ...k, usage: usage.get(k.id) })) };
}
