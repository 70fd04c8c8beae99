import type { Metadata } from "next";
import { ChartFigure } from "@/components/charts/chart-figure";
import { OUTCOME_LABELS } from "@/components/charts/palette";
import { LatencyChart, RankChart, RequestsChart } from "@/components/charts/usage-charts";
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
import { OUTCOMES } from "@/lib/request-log/outcomes";
import { usageQuery, usageRange } from "@/lib/request-log/range";
import { usageReport } from "@/lib/request-log/usage";
import { companyScope } from "@/lib/tenancy/scope";
import { HeadroomSection } from "./_components/headroom-section";
import { LeastPrivilegeSection } from "./_components/least-privilege-section";
import { RangePicker } from "./_components/range-picker";
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

const ms = (v: number | null) => (v === null ? "–" : v > 10_000 ? "> 10 s" : `≤ ${v} ms`);

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
  const errors = report.total - report.outcomes["2xx"];
  const busiest = report.series.reduce((top, p) => (p.total > (top?.total ?? -1) ? p : top), report.series[0]);
  const when = (iso: string) => (range.granularity === "hour" ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : iso.slice(0, 10));
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

      <section aria-labelledby="totals-heading" className="space-y-3">
        <h2 id="totals-heading" className="text-base font-semibold text-zinc-900">
          {range.label}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="usage-totals">
          {[
            ["Requests", report.total.toLocaleString("en")],
            ["Errors", errors.toLocaleString("en")],
            ["Rate limited", report.outcomes["429"].toLocaleString("en")],
            ["p50 / p95 latency", `${ms(report.latency.p50Ms)} / ${ms(report.latency.p95Ms)}`],
          ].map(([label, value]) => (
            <div key={label} className="rounded-lg border border-zinc-200 bg-white p-3">
              <dt className="text-xs font-medium text-zinc-600">{label}</dt>
              <dd className="mt-1 text-lg font-semibold tabular-nums text-zinc-900">{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-label="Charts" className="grid gap-4 lg:grid-cols-2">
        <ChartFigure
          id="requests-chart"
          title="Requests over time by outcome"
          summary={
            report.total === 0
              ? "No requests in this range."
              : `${report.total} requests: ${OUTCOMES.map((o) => `${report.outcomes[o]} ${OUTCOME_LABELS[o].toLowerCase()}`).join(", ")}. Busiest ${range.granularity}: ${busiest ? when(busiest.start) : "–"} with ${busiest?.total ?? 0}.`
          }
          table={{
            caption: "Requests per period by outcome",
            head: ["Period", ...OUTCOMES.map((o) => OUTCOME_LABELS[o]), "Total"],
            rows: report.series.filter((p) => p.total > 0).map((p) => [when(p.start), ...OUTCOMES.map((o) => p.outcomes[o]), p.total]),
          }}
        >
          <RequestsChart series={report.series} granularity={range.granularity} />
        </ChartFigure>
        <ChartFigure
          id="latency-chart"
          title="Latency (p50 and p95)"
          summary={report.total === 0 ? "No requests in this range." : `Half of the requests finished in ${ms(report.latency.p50Ms)}, 95 % in ${ms(report.latency.p95Ms)} (bucket bounds).`}
          table={{
            caption: "Latency per period",
            head: ["Period", "p50", "p95"],
            rows: report.series.filter((p) => p.total > 0).map((p) => [when(p.start), ms(p.p50Ms), ms(p.p95Ms)]),
          }}
        >
          <LatencyChart series={report.series} granularity={range.granularity} />
        </ChartFigure>
        <ChartFigure
          id="endpoints-chart"
          title="Top endpoints"
          summary={report.endpoints[0] ? `Busiest: ${report.endpoints[0].method} ${report.endpoints[0].route} with ${report.endpoints[0].total} requests.` : "No requests in this range."}
          table={{
            caption: "Requests per endpoint",
            head: ["Endpoint", "Requests", "Errors"],
            rows: report.endpoints.map((e) => [`${e.method} ${e.route}`, e.total, e.errors]),
          }}
        >
          <RankChart rows={report.endpoints.map((e) => ({ label: `${e.method} ${e.route.replace("/api/v1", "")}`, total: e.total }))} />
        </ChartFigure>
        <ChartFigure
          id="errors-chart"
          title="Error codes"
          summary={report.errorCodes.length ? report.errorCodes.map((c) => `${c.code}: ${c.total}`).join(", ") : "No errors in this range."}
          table={{ caption: "Requests per error code", head: ["Error code", "Requests"], rows: report.errorCodes.map((c) => [c.code, c.total]) }}
        >
          <RankChart rows={report.errorCodes.map((c) => ({ label: c.code, total: c.total }))} />
        </ChartFigure>
      </section>

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
