import { ChartFigure } from "@/components/charts/chart-figure";
import { OUTCOME_LABELS } from "@/components/charts/palette";
import { LatencyChart, RankChart, RequestsChart } from "@/components/charts/usage-charts";
import { OUTCOMES } from "@/lib/request-log/outcomes";
import type { UsageRange } from "@/lib/request-log/range";
import type { UsageReport } from "@/lib/request-log/usage-schema";

const ms = (v: number | null) => (v === null ? "–" : v > 10_000 ? "> 10 s" : `≤ ${v} ms`);

/**
 * A usage report as the usage pages show it (a tenant's, a vendor's): the totals, then requests by
 * outcome, latency, top endpoints and error codes, each chart with a summary and a table view.
 */
export function UsageReportView({ report, range }: { report: UsageReport; range: UsageRange }) {
  const errors = report.total - report.outcomes["2xx"];
  const busiest = report.series.reduce((top, p) => (p.total > (top?.total ?? -1) ? p : top), report.series[0]);
  const when = (iso: string) => (range.granularity === "hour" ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : iso.slice(0, 10));
  return (
    <>
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
          summary={
            report.total === 0
              ? "No requests in this range."
              : `Half of the requests finished in ${ms(report.latency.p50Ms)}, 95 % in ${ms(report.latency.p95Ms)} (bucket bounds).`
          }
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
          summary={
            report.endpoints[0]
              ? `Busiest: ${report.endpoints[0].method} ${report.endpoints[0].route} with ${report.endpoints[0].total} requests.`
              : "No requests in this range."
          }
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
    </>
  );
}
