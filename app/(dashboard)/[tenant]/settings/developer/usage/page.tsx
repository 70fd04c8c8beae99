import type { Metadata } from "next";
import { UsageReportView } from "@/components/charts/usage-report-view";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, EmptyRow } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireTenantAccess } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { InvalidInputError } from "@/lib/errors";
import { keySuggestions, partnershipSuggestions } from "@/lib/least-privilege/suggest";
import { processLimiter } from "@/lib/ratelimit/limit";
import { tenantHeadroom } from "@/lib/ratelimit/tenant-headroom";
import { nameIdentities } from "@/lib/request-log/identities";
import { usageQuery, usageRange } from "@/lib/request-log/range";
import { usageReport } from "@/lib/request-log/usage";
import { companyScope } from "@/lib/tenancy/scope";
import { HeadroomSection } from "./_components/headroom-section";
import { LeastPrivilegeSection } from "./_components/least-privilege-section";
import { RangePicker } from "@/components/charts/range-picker";
import { UsageTabs } from "./_components/usage-tabs";

export const metadata: Metadata = { title: "Usage · Klau" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function parseRange(raw: Record<string, string | string[] | undefined>) {
  const parsed = usageQuery.safeParse(raw);
  if (!parsed.success) return { query: {}, error: "That range is not valid; showing the last 30 days." };
  try {
    return { query: parsed.data, range: usageRange(parsed.data), error: null };
  } catch (error) {
    if (error instanceof InvalidInputError) return { query: {}, error: `${error.message}; showing the last 30 days.` };
    throw error;
  }
}

export default async function UsagePage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: SearchParams }) {
  const { tenant } = await requireTenantAccess((await params).tenant);
  const basePath = `/${tenant.id}/settings/developer/usage`;
  const picked = parseRange(await searchParams);
  const range = picked.range ?? usageRange({});
  const scope = companyScope(tenant);
  const db = await getDb();
  const limiter = await processLimiter();
  const [report, headroom, keys, partnerships] = await Promise.all([
    usageReport(db, scope, range),
    tenantHeadroom(db, limiter, tenant.id),
    keySuggestions(db, scope),
    partnershipSuggestions(db, scope),
  ]);
  const identities = await nameIdentities(db, report.identities);
  const suggestions = [
    ...keys.map((k) => ({ ...k, canApply: can(tenant.role, "keys:manage") })),
    ...partnerships.map((p) => ({ ...p, canApply: can(tenant.role, "partnerships:decide") })),
  ];

  return (
    <div className="space-y-8">
      <PageHeader title="Usage" description={`API requests for ${tenant.name}: outcomes, endpoints, errors, latency and who made them.`} />
      <UsageTabs basePath={basePath} current="overview" />
      <RangePicker basePath={basePath} query={picked.query} />
      {picked.error ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {picked.error}
        </p>
      ) : null}

      <UsageReportView report={report} range={range} />

      <section aria-labelledby="identities-heading" className="space-y-3">
        <h2 id="identities-heading" className="text-base font-semibold text-zinc-900">
          By key and vendor
        </h2>
        <Table caption="Requests per key and vendor" head={["Key or session", "Requests", "Errors"]}>
          {identities.length === 0 ? (
            <EmptyRow columns={3}>No requests in this range.</EmptyRow>
          ) : (
            identities.map((i) => (
              <tr key={`${i.apiKeyId}-${i.consoleUserId}-${i.vendorId}`}>
                <Td>
                  <span className="font-medium text-zinc-900">{i.label}</span>
                  {i.detail ? <span className="block text-xs text-zinc-600">{i.detail}</span> : null}
                </Td>
                <Td className="tabular-nums">{i.total}</Td>
                <Td className="tabular-nums">{i.errors}</Td>
              </tr>
            ))
          )}
        </Table>
      </section>

      <HeadroomSection rows={headroom} windowMinutes={Math.round(limiter.policy.windowSeconds / 60)} />
      <LeastPrivilegeSection tenantId={tenant.id} rows={suggestions} />
    </div>
  );
}
