import type { Metadata } from "next";
import { PartnershipsTable } from "@/components/partners/partnerships-table";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireOperator } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { type PartnershipState, listPartnershipSummaries } from "@/lib/tenancy/partnership-views";
import { operatorScope } from "@/lib/tenancy/scope";
import { EmergencyRevokeButton } from "../_components/operator-buttons";

export const metadata: Metadata = { title: "Partnerships · Klau operations" };

const STATES: PartnershipState[] = ["pending", "active", "suspended", "revoked", "ended", "denied", "withdrawn"];
const inputClasses =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 focus:outline-none focus:ring-2 focus:ring-inset focus:ring-indigo-600";

export default async function OperatorPartnershipsPage({ searchParams }: { searchParams: Promise<{ q?: string; state?: string }> }) {
  await requireOperator();
  const query = await searchParams;
  const state = STATES.find((s) => s === query.state);
  const search = query.q?.trim() || undefined;
  const partnerships = await listPartnershipSummaries(await getDb(), operatorScope(), { state, search });

  return (
    <div className="space-y-8">
      <PageHeader title="Partnerships" description="Every vendor partnership across companies. Emergency revoke cuts a vendor off at once on every instance." />
      <form
        method="get"
        aria-label="Filter partnerships"
        className="grid gap-4 rounded-lg border border-zinc-200 bg-white p-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end"
      >
        <div className="space-y-1.5">
          <label htmlFor="filter-q" className="block text-sm font-medium text-zinc-900">
            Vendor or company
          </label>
          <input id="filter-q" name="q" type="search" defaultValue={search} className={inputClasses} />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="filter-state" className="block text-sm font-medium text-zinc-900">
            Status
          </label>
          <select id="filter-state" name="state" defaultValue={state ?? ""} className={inputClasses}>
            <option value="">Any</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {s.charAt(0).toUpperCase() + s.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClasses("primary")}>
          Filter
        </button>
      </form>
      <p className="text-sm text-zinc-600" role="status">
        {partnerships.length} partnership{partnerships.length === 1 ? "" : "s"}
      </p>
      <PartnershipsTable
        caption="All partnerships"
        partnerships={partnerships}
        action={(p) =>
          p.state === "active" || p.state === "suspended" || p.state === "pending" ? (
            <EmergencyRevokeButton partnershipId={p.id} vendorName={p.vendor.name} companyName={p.company.name} />
          ) : null
        }
      />
    </div>
  );
}
