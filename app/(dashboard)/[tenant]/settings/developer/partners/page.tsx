import { Handshake, Inbox } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PartnershipStateBadge } from "@/components/partners/partnership-state-badge";
import { ScopeBadges } from "@/components/partners/scope-badges";
import { Timestamp } from "@/components/partners/timestamp";
import { EmptyState } from "@/components/ui/empty-state";
import { focusRing } from "@/components/ui/focus-ring";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { tenantHome } from "@/lib/auth/home";
import { requireTenantAccess } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listPartnershipSummaries } from "@/lib/tenancy/partnership-views";
import { PartnerActions } from "./_components/partner-actions";
import { ReviewRequestDialog } from "./_components/review-request-dialog";

export const metadata: Metadata = { title: "Partners · Klau" };

export default async function PartnersPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await requireTenantAccess((await params).tenant);
  const decide = can(tenant.role, "partnerships:decide");
  // This company's own partnerships (a corporate user sees each division's on that division's page).
  const partnerships = await listPartnershipSummaries(await getDb(), { kind: "company", companyId: tenant.id, includeDivisions: false });
  const requests = partnerships.flatMap((p) => (p.openRequest ? [{ ...p.openRequest, partnership: p }] : []));
  const partners = partnerships.filter((p) => p.state === "active" || p.state === "suspended");
  const ended = partnerships.filter((p) => p.state !== "active" && p.state !== "suspended" && p.state !== "pending");
  const base = tenantHome(tenant.id);

  return (
    <div className="space-y-10">
      <PageHeader
        title="Partners"
        description={
          <>
            Vendor integrations that asked to act for {tenant.name}, and what you let them do. See every key and partner with access on{" "}
            <Link href={`${base}/access`} className={`rounded font-medium text-indigo-700 underline ${focusRing}`}>
              Data access
            </Link>
            .
          </>
        }
      />
      {decide ? null : (
        <p role="note" className="rounded-md border border-zinc-200 bg-white p-3 text-sm text-zinc-700">
          You can see partners and requests. Only admins of {tenant.name} approve, deny or change them.
        </p>
      )}

      <section aria-labelledby="requests-heading" className="space-y-3">
        <h2 id="requests-heading" className="text-base font-semibold text-zinc-900">
          Requests <span className="font-normal text-zinc-500">({requests.length})</span>
        </h2>
        {requests.length === 0 ? (
          <EmptyState icon={Inbox} title="No pending requests">
            <p>When a vendor asks for access with your tenant ID, the request appears here for you to review scope by scope.</p>
          </EmptyState>
        ) : (
          <Table caption="Pending partnership requests" head={["Vendor", "Requested scopes", "Note", "Asked", "Decision"]}>
            {requests.map((r) => (
              <tr key={r.id}>
                <Td>
                  <Link href={`${base}/partners/${r.partnership.id}`} className={`rounded font-medium text-zinc-900 hover:underline ${focusRing}`}>
                    {r.partnership.vendor.name}
                  </Link>
                  <p className="text-xs text-zinc-500">{r.partnership.state === "pending" ? "New partnership" : "More scopes on an active partnership"}</p>
                </Td>
                <Td>
                  <ScopeBadges scopes={r.scopes} label={`Scopes requested by ${r.partnership.vendor.name}`} tone="amber" />
                </Td>
                <Td className="max-w-xs text-sm">{r.note ?? <span className="text-zinc-500">—</span>}</Td>
                <Td>
                  <Timestamp at={r.createdAt} />
                </Td>
                <Td>
                  {decide ? (
                    <ReviewRequestDialog
                      tenantId={tenant.id}
                      request={{
                        id: r.id,
                        vendorName: r.partnership.vendor.name,
                        scopes: r.scopes,
                        note: r.note,
                        requestedBy: r.requestedBy,
                        createdAt: r.createdAt,
                        currentGrant: r.partnership.grantedScopes,
                      }}
                    />
                  ) : (
                    <span className="text-sm text-zinc-500">Waiting for an admin</span>
                  )}
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </section>

      <section aria-labelledby="partners-heading" className="space-y-3">
        <h2 id="partners-heading" className="text-base font-semibold text-zinc-900">
          Partners <span className="font-normal text-zinc-500">({partners.length})</span>
        </h2>
        {partners.length === 0 ? (
          <EmptyState icon={Handshake} title="No partners yet">
            <p>Approve a request to let a vendor act for {tenant.name} within the scopes you grant.</p>
          </EmptyState>
        ) : (
          <Table caption="Partners" head={["Vendor", "Status", "Granted scopes", "Since", "Last call", "Calls, 30 days", ...(decide ? ["Actions"] : [])]}>
            {partners.map((p) => (
              <tr key={p.id}>
                <Td>
                  <Link href={`${base}/partners/${p.id}`} className={`rounded font-medium text-zinc-900 hover:underline ${focusRing}`}>
                    {p.vendor.name}
                  </Link>
                </Td>
                <Td>
                  <PartnershipStateBadge state={p.state} />
                </Td>
                <Td>
                  <ScopeBadges scopes={p.grantedScopes} label={`Scopes granted to ${p.vendor.name}`} />
                </Td>
                <Td>
                  <Timestamp at={p.since} />
                </Td>
                <Td>
                  <Timestamp at={p.lastCallAt} />
                </Td>
                <Td className="tabular-nums">{p.callsLast30Days}</Td>
                {decide ? (
                  <Td>
                    <PartnerActions
                      tenantId={tenant.id}
                      partnershipId={p.id}
                      vendorName={p.vendor.name}
                      companyName={tenant.name}
                      state={p.state}
                      grantedScopes={p.grantedScopes}
                    />
                  </Td>
                ) : null}
              </tr>
            ))}
          </Table>
        )}
      </section>

      {ended.length > 0 ? (
        <section aria-labelledby="ended-heading" className="space-y-3">
          <h2 id="ended-heading" className="text-base font-semibold text-zinc-900">
            Past partnerships <span className="font-normal text-zinc-500">({ended.length})</span>
          </h2>
          <Table caption="Past partnerships" head={["Vendor", "Status", "Since"]}>
            {ended.map((p) => (
              <tr key={p.id}>
                <Td>
                  <Link href={`${base}/partners/${p.id}`} className={`rounded font-medium text-zinc-900 hover:underline ${focusRing}`}>
                    {p.vendor.name}
                  </Link>
                </Td>
                <Td>
                  <PartnershipStateBadge state={p.state} />
                </Td>
                <Td>
                  <Timestamp at={p.since} />
                </Td>
              </tr>
            ))}
          </Table>
        </section>
      ) : null}
    </div>
  );
}
