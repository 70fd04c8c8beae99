import type { Metadata } from "next";
import Link from "next/link";
import { UsageReportView } from "@/components/charts/usage-report-view";
import { cn } from "@/components/ui/cn";
import { exactTime } from "@/components/ui/relative-time";
import { focusRing } from "@/components/ui/focus-ring";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, Table, Td } from "@/components/ui/table";
import { requireVendorUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { InvalidInputError } from "@/lib/errors";
import { processLimiter } from "@/lib/ratelimit/limit";
import { vendorHeadroom } from "@/lib/ratelimit/tenant-headroom";
import { nameIdentities } from "@/lib/request-log/identities";
import { type UsageQuery, usageQuery, usageRange } from "@/lib/request-log/range";
import { usageByTenant, usageReport } from "@/lib/request-log/usage";
import { listPartnershipSummaries } from "@/lib/tenancy/partnership-views";
import { vendorScope } from "@/lib/tenancy/scope";
import { RangePicker } from "@/components/charts/range-picker";

export const metadata: Metadata = { title: "Usage · Klau" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const BASE = "/vendor/usage";

function parseRange(raw: Record<string, string | string[] | undefined>): { query: UsageQuery; error: string | null } {
  const parsed = usageQuery.safeParse({ range: raw.range, from: raw.from, to: raw.to });
  if (!parsed.success) return { query: {}, error: "That range is not valid; showing the last 30 days." };
  try {
    usageRange(parsed.data);
    return { query: parsed.data, error: null };
  } catch (error) {
    if (error instanceof InvalidInputError) return { query: {}, error: `${error.message}; showing the last 30 days.` };
    throw error;
  }
}

/**
 * A vendor's API usage, per hauler: every hauler it has acted for (requests, errors, rate-limit
 * headroom now), and for one chosen hauler (or all) the same report as a hauler's own usage page.
 */
export default async function VendorUsagePage({ searchParams }: { searchParams: SearchParams }) {
  const { vendor } = await requireVendorUser();
  const raw = await searchParams;
  const picked = parseRange(raw);
  const range = usageRange(picked.query);
  const scope = vendorScope(vendor.id);
  const db = await getDb();
  const partnerships = await listPartnershipSummaries(db, scope);
  const haulers = new Map(partnerships.map((p) => [p.company.id, p.company.name]));
  const chosen = typeof raw.hauler === "string" && haulers.has(raw.hauler) ? raw.hauler : null;
  const limiter = await processLimiter();
  const [perHauler, report, headroom] = await Promise.all([
    usageByTenant(db, scope, range),
    usageReport(db, scope, range, chosen ? { companyId: chosen } : {}),
    vendorHeadroom(limiter, vendor.id, [...haulers.keys()]),
  ]);
  const identities = await nameIdentities(db, report.identities);
  const usageOf = new Map(perHauler.map((u) => [u.companyId, u]));
  const headroomOf = new Map(headroom.map((h) => [h.tenantId, h]));
  const keep: Record<string, string> = chosen ? { hauler: chosen } : {};
  const href = (hauler: string | null) => `${BASE}?${new URLSearchParams({ ...(hauler ? { hauler } : {}), ...picked.query })}`;
  const windowMinutes = Math.round(limiter.policy.windowSeconds / 60);

  return (
    <div className="space-y-8">
      <PageHeader
        eyebrow={vendor.name}
        title="Usage"
        description="Your API requests for each hauler: outcomes, endpoints, errors, latency, the keys that made them and your rate-limit headroom now."
      />
      <RangePicker basePath={BASE} query={picked.query} keep={keep} />
      {picked.error ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {picked.error}
        </p>
      ) : null}

      <section aria-labelledby="haulers-heading" className="space-y-3">
        <div>
          <h2 id="haulers-heading" className="text-base font-semibold text-zinc-900">
            Per hauler · {range.label.toLowerCase()}
          </h2>
          <p className="text-sm text-zinc-600">
            Each hauler gives you a budget of its own per {windowMinutes}-minute window. Choose a hauler to see its report below.
          </p>
        </div>
        <Table caption="Requests per hauler" head={["Hauler", "Requests", "Errors", "Rate limit now"]}>
          {partnerships.length === 0 ? <EmptyRow columns={4}>No haulers yet.</EmptyRow> : null}
          {[...haulers].map(([id, name]) => {
            const usage = usageOf.get(id);
            const now = headroomOf.get(id);
            return (
              <tr key={id} className={id === chosen ? "bg-indigo-50/60" : undefined}>
                <Td>
                  <Link
                    href={href(id)}
                    aria-current={id === chosen ? "true" : undefined}
                    className={cn("rounded font-medium text-zinc-900 underline-offset-2 hover:underline", focusRing)}
                  >
                    {name}
                  </Link>
                </Td>
                <Td className="tabular-nums">{usage?.total ?? 0}</Td>
                <Td className="tabular-nums">{usage?.errors ?? 0}</Td>
                <Td className="text-sm">
                  {now ? (
                    <>
                      <span className={cn("tabular-nums", now.warning ? "font-semibold text-amber-800" : "text-zinc-900")}>
                        {now.used} / {now.limit}
                      </span>{" "}
                      <span className="text-xs text-zinc-600">
                        {now.resetsAt ? `resets ${exactTime(new Date(now.resetsAt))}` : "no request in this window"}
                      </span>
                      {now.warning ? <span className="block text-xs font-medium text-amber-800">Over 80 % used</span> : null}
                    </>
                  ) : (
                    "–"
                  )}
                </Td>
              </tr>
            );
          })}
        </Table>
      </section>

      <section aria-labelledby="report-heading" className="space-y-6">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="report-heading" className="text-base font-semibold text-zinc-900">
            {chosen ? `Report for ${haulers.get(chosen)}` : "Report for all haulers"}
          </h2>
          {chosen ? (
            <Link href={href(null)} className={cn("rounded text-sm font-medium text-indigo-700 hover:underline", focusRing)}>
              Show all haulers
            </Link>
          ) : null}
        </div>
        <UsageReportView report={report} range={range} />
        <Table caption={chosen ? `Requests per key for ${haulers.get(chosen)}` : "Requests per key"} head={["Key or session", "Requests", "Errors"]}>
          {identities.length === 0 ? <EmptyRow columns={3}>No requests in this range.</EmptyRow> : null}
          {identities.map((i) => (
            <tr key={`${i.apiKeyId}-${i.consoleUserId}`}>
              <Td>
                <span className="font-medium text-zinc-900">{i.label}</span>
                {i.detail ? <span className="block text-xs text-zinc-600">{i.detail}</span> : null}
              </Td>
              <Td className="tabular-nums">{i.total}</Td>
              <Td className="tabular-nums">{i.errors}</Td>
            </tr>
          ))}
        </Table>
      </section>
    </div>
  );
}
