import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { listAudit } from "@/lib/audit-trail/query";
import { can } from "@/lib/auth/permissions";
import { requireTenantAccess } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { companyScope } from "@/lib/tenancy/scope";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";

export const metadata: Metadata = { title: "Audit log · Klau" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const FILTER_KEYS = ["actor", "action", "target", "from", "to"] as const;

export default async function AuditPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: SearchParams }) {
  const { tenant } = await requireTenantAccess((await params).tenant);
  const raw = await searchParams;
  const basePath = `/${tenant.id}/settings/developer/audit`;
  const active = Object.fromEntries(FILTER_KEYS.flatMap((k) => (typeof raw[k] === "string" && raw[k] !== "" ? [[k, raw[k]]] : []))) as Record<string, string>;
  const cursor = typeof raw.cursor === "string" ? raw.cursor : undefined;
  const db = await getDb();
  let error: string | null = null;
  let page: Awaited<ReturnType<typeof listAudit>> = { items: [], nextCursor: null };
  try {
    page = await listAudit(db, companyScope(tenant), active, { cursor, limit: 50 });
  } catch (e) {
    if (!(e instanceof DomainError) && !(e instanceof Error && e.name === "ZodError")) throw e;
    error = "Some filters are not valid: check the dates.";
  }
  const query = new URLSearchParams(active);
  const canExport = can(tenant.role, "audit:export");

  return (
    <div className="space-y-6">
      <PageHeader
        title="Audit log"
        description="Who changed what for this company — keys, partnerships and grants, console credentials, the key-lifetime setting — and every sign-in of its users, with the actor, IP address and before/after. Entries cannot be edited or deleted; they are kept for the retention period."
        actions={
          canExport ? (
            <>
              <a href={`${basePath}/export?${new URLSearchParams({ ...active, format: "csv" })}`} className={buttonClasses("secondary")} download>
                Export CSV
              </a>
              <a href={`${basePath}/export?${new URLSearchParams({ ...active, format: "json" })}`} className={buttonClasses("secondary")} download>
                Export JSON
              </a>
            </>
          ) : (
            <p className="text-sm text-zinc-600">Only admins can export the audit log.</p>
          )
        }
      />
      <AuditFilters action={basePath} values={active} />
      {error ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {error}
        </p>
      ) : null}
      <AuditTable rows={page.items} />
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="text-zinc-600">
          {page.items.length} entr{page.items.length === 1 ? "y" : "ies"} shown{cursor ? " (older page)" : ""}.
        </p>
        <div className="flex gap-2">
          {cursor ? (
            <Link href={`${basePath}?${query}`} className={buttonClasses("secondary")}>
              Newest
            </Link>
          ) : null}
          {page.nextCursor ? (
            <Link href={`${basePath}?${new URLSearchParams({ ...active, cursor: page.nextCursor })}`} className={buttonClasses("secondary")}>
              Older entries
            </Link>
          ) : null}
        </div>
      </div>
    </div>
  );
}
