import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantAccess } from "@/lib/auth/session";
import { consoleLabel } from "@/lib/request-log/label";
import { getDb } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { listRequestLog, requestLogFilters } from "@/lib/request-log/list";
import { companyScope } from "@/lib/tenancy/scope";
import { UsageTabs } from "../_components/usage-tabs";
import { RequestDetail } from "./_components/request-detail";
import { RequestFilters } from "./_components/request-filters";
import { RequestTable } from "./_components/request-table";

export const metadata: Metadata = { title: "Request log · Klau" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FILTER_KEYS = ["requestId", "apiKeyId", "method", "path", "status", "errorCode", "from", "to"] as const;

export default async function RequestLogPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: SearchParams }) {
  const { tenant } = await requireTenantAccess((await params).tenant);
  const raw = await searchParams;
  const basePath = `/${tenant.id}/settings/developer/usage`;
  const values = Object.fromEntries(FILTER_KEYS.map((k) => [k, typeof raw[k] === "string" && raw[k] !== "" ? raw[k] : undefined]));
  const parsed = requestLogFilters.safeParse({ ...values, cursor: typeof raw.cursor === "string" ? raw.cursor : undefined });
  const db = await getDb();
  const scope = companyScope(tenant);
  let error: string | null = parsed.success ? null : "Some filters are not valid: check the status (100–599) and dates.";
  let page: Awaited<ReturnType<typeof listRequestLog>> = { items: [], nextCursor: null };
  if (parsed.success) {
    try {
      page = await listRequestLog(db, scope, parsed.data);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      error = e.message;
    }
  }
  const [keys, vendors, consoleUsers] = await Promise.all([
    db.apiKey.findMany({ where: { companyId: tenant.id }, select: { id: true, name: true, prefix: true }, orderBy: { createdAt: "desc" } }),
    db.vendor.findMany({ where: { id: { in: [...new Set(page.items.flatMap((r) => (r.vendorId ? [r.vendorId] : [])))] } }, select: { id: true, name: true } }),
    db.user.findMany({
      where: { id: { in: [...new Set(page.items.flatMap((r) => (r.consoleUserId ? [r.consoleUserId] : [])))] } },
      select: { id: true, email: true },
    }),
  ]);
  const keyNames = Object.fromEntries(keys.map((k) => [k.id, `${k.name} (${k.prefix})`]));
  const vendorNames = Object.fromEntries(vendors.map((v) => [v.id, v.name]));
  const consoleNames = Object.fromEntries(consoleUsers.map((u) => [u.id, consoleLabel(u.email)]));
  const active = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Record<string, string>;
  const next = page.nextCursor ? `${basePath}/requests?${new URLSearchParams({ ...active, cursor: page.nextCursor })}` : null;
  const single = values.requestId && page.items.length === 1 ? page.items[0] : undefined;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Request log"
        description="Every API request for this company, newest first. Request and response bodies are not recorded: only the fields below."
      />
      <UsageTabs basePath={basePath} current="requests" />
      <RequestFilters action={`${basePath}/requests`} values={active} keys={keys.map((k) => ({ id: k.id, label: keyNames[k.id] ?? k.id }))} />
      {error ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {error}
        </p>
      ) : null}
      {single ? (
        <RequestDetail
          row={single}
          keyLabel={single.apiKeyId ? keyNames[single.apiKeyId] : undefined}
          vendorLabel={single.vendorId ? vendorNames[single.vendorId] : undefined}
          consoleLabel={single.consoleUserId ? consoleNames[single.consoleUserId] : undefined}
        />
      ) : null}
      <RequestTable rows={page.items} keyNames={keyNames} vendorNames={vendorNames} consoleNames={consoleNames} lookupPath={`${basePath}/requests`} />
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="text-zinc-600">
          {page.items.length} request{page.items.length === 1 ? "" : "s"} shown{raw.cursor ? " (older page)" : ""}.
        </p>
        <div className="flex gap-2">
          {raw.cursor ? (
            <Link href={`${basePath}/requests?${new URLSearchParams(active)}`} className={buttonClasses("secondary")}>
              Newest
            </Link>
          ) : null}
          {next ? (
            <Link href={next} className={buttonClasses("secondary")}>
              Older requests
            </Link>
          ) : null}
        </div>
      </div>
    </div>
  );
}
