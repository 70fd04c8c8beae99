import { Gauge } from "lucide-react";
import type { Metadata } from "next";
import { EffectiveAccessTable } from "@/components/partners/effective-access-table";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireVendorUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listKeys } from "@/lib/keys/service";
import { vendorEffectiveAccess } from "@/lib/keys/data-access";
import { listPartnershipSummaries } from "@/lib/tenancy/partnership-views";
import { vendorScope } from "@/lib/tenancy/scope";

export const metadata: Metadata = { title: "Effective access · Klau" };

const selectClasses =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 focus:outline-none focus:ring-2 focus:ring-inset focus:ring-indigo-600";

export default async function EffectiveAccessPage({ searchParams }: { searchParams: Promise<{ key?: string; hauler?: string }> }) {
  const { vendor } = await requireVendorUser();
  const scope = vendorScope(vendor.id);
  const db = await getDb();
  const [keys, partnerships, query] = await Promise.all([listKeys(db, scope), listPartnershipSummaries(db, scope), searchParams]);
  const usableKeys = keys.filter((k) => k.status === "active");
  const keyId = query.key ?? usableKeys[0]?.id;
  const partnershipId = query.hauler ?? partnerships.find((p) => p.state === "active")?.id ?? partnerships[0]?.id;
  const access = keyId && partnershipId ? await vendorEffectiveAccess(db, scope, keyId, partnershipId).catch(() => null) : null;

  return (
    <div className="space-y-8">
      <PageHeader
        eyebrow={vendor.name}
        title="Effective access"
        description="What one of your keys may do for one hauler: the key's scopes ∩ the hauler's grant. Each missing scope says which side lacks it, as the API's 403 does."
      />
      {keys.length === 0 || partnerships.length === 0 ? (
        <EmptyState icon={Gauge} title="Nothing to compare yet">
          <p>You need a vendor key and a partnership with a hauler.</p>
        </EmptyState>
      ) : (
        <>
          <form method="get" className="grid gap-4 rounded-lg border border-zinc-200 bg-white p-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
            <div className="space-y-1.5">
              <label htmlFor="access-key" className="block text-sm font-medium text-zinc-900">
                Key
              </label>
              <select id="access-key" name="key" defaultValue={keyId} className={selectClasses}>
                {keys.map((k) => (
                  <option key={k.id} value={k.id}>
                    {k.name} ({k.prefix}…{k.last4}){k.status === "active" ? "" : ` — ${k.status}`}
                  </option>
                ))}
              </select>
            </div>
            <div className="space-y-1.5">
              <label htmlFor="access-hauler" className="block text-sm font-medium text-zinc-900">
                Hauler
              </label>
              <select id="access-hauler" name="hauler" defaultValue={partnershipId} className={selectClasses}>
                {partnerships.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.company.name} — {p.state}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={buttonClasses("primary")}>
              Show access
            </button>
          </form>
          {access ? (
            <section aria-labelledby="access-heading" className="space-y-3">
              <h2 id="access-heading" className="text-base font-semibold text-zinc-900">
                {access.key.name} for {access.partnership.company.name}
              </h2>
              {access.blocked ? (
                <p role="status" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
                  {access.blocked}
                </p>
              ) : null}
              <EffectiveAccessTable rows={access.rows} keyName={access.key.name} companyName={access.partnership.company.name} />
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
