import type { Metadata } from "next";
import Link from "next/link";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { listAudit } from "@/lib/audit-trail/query";
import { requireOperator } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { operatorScope } from "@/lib/tenancy/scope";

export const metadata: Metadata = { title: "Audit log · Operations · Klau" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const FILTER_KEYS = ["companyId", "actor", "action", "target", "from", "to"] as const;

/** Every tenant's audit log for the platform operator (scope: operator), with the same filters and export. */
export default async function OperatorAuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requireOperator();
  const raw = await searchParams;
  const active = Object.fromEntries(FILTER_KEYS.flatMap((k) => (typeof raw[k] === "string" && raw[k] !== "" ? [[k, raw[k]]] : []))) as Record<string, string>;
  const cursor = typeof raw.cursor === "string" ? raw.cursor : undefined;
  const db = await getDb();
  const companies = await db.company.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  let error: string | null = null;
  let page: Awaited<ReturnType<typeof listAudit>> = { items: [], nextCursor: null };
  try {
    page = await listAudit(db, operatorScope(), active, { cursor, limit: 50 });
  } catch (e) {
    if (!(e instanceof DomainError) && !(e instanceof Error && e.name === "ZodError")) throw e;
    error = "Some filters are not valid: check the dates.";
  }
  const base = "/operator/audit";
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow="Operations"
        title="Audit log"
        description="Every company's audit entries. Entries cannot be edited or deleted; they are kept for the retention period."
        actions={
          <>
            <a href={`${base}/export?${new URLSearchParams({ ...active, format: "csv" })}`} className={buttonClasses("secondary")} download>
              Export CSV
            </a>
            <a href={`${base}/export?${new URLSearchParams({ ...active, format: "json" })}`} className={buttonClasses("secondary")} download>
              Export JSON
            </a>
          </>
        }
      />
      <AuditFilters action={base} values={active} tenants={companies} />
      {error ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {error}
        </p>
      ) : null}
      <AuditTable rows={page.items} tenants={Object.fromEntries(companies.map((c) => [c.id, c.name]))} />
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="text-zinc-600">
          {page.items.length} entr{page.items.length === 1 ? "y" : "ies"} shown{cursor ? " (older page)" : ""}.
        </p>
        <div className="flex gap-2">
          {cursor ? (
            <Link href={`${base}?${new URLSearchParams(active)}`} className={buttonClasses("secondary")}>
              Newest
            </Link>
          ) : null}
          {page.nextCursor ? (
            <Link href={`${base}?${new URLSearchParams({ ...active, cursor: page.nextCursor })}`} className={buttonClasses("secondary")}>
              Older entries
            </Link>
          ) : null}
        </div>
      </div>
    </div>
  );
}
