import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PartnershipOverview } from "@/components/partners/partnership-overview";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireTenantAccess } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { getPartnershipDetail, type PartnershipDetail } from "@/lib/tenancy/partnership-views";
import { PartnerActions } from "../_components/partner-actions";
import { ReviewRequestDialog } from "../_components/review-request-dialog";

export const metadata: Metadata = { title: "Partner · Klau" };

export default async function PartnerPage({ params }: { params: Promise<{ tenant: string; id: string }> }) {
  const { tenant: tenantId, id } = await params;
  const { tenant } = await requireTenantAccess(tenantId);
  let detail: PartnershipDetail;
  try {
    detail = await getPartnershipDetail(await getDb(), { kind: "company", companyId: tenant.id, includeDivisions: false }, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const decide = can(tenant.role, "partnerships:decide");
  const live = detail.state === "active" || detail.state === "suspended";
  const open = detail.openRequest;
  return (
    <div className="space-y-8">
      <PageHeader
        eyebrow="Partners"
        title={detail.vendor.name}
        description={`What ${detail.vendor.name} may do for ${tenant.name}, and everything that led to it.`}
      />
      <PartnershipOverview
        detail={detail}
        actions={
          decide && (live || open) ? (
            <div className="flex flex-wrap gap-2">
              {open ? (
                <ReviewRequestDialog
                  tenantId={tenant.id}
                  request={{
                    id: open.id,
                    vendorName: detail.vendor.name,
                    scopes: open.scopes,
                    note: open.note,
                    requestedBy: open.requestedBy,
                    createdAt: open.createdAt,
                    currentGrant: detail.grantedScopes,
                  }}
                />
              ) : null}
              {live ? (
                <PartnerActions
                  tenantId={tenant.id}
                  partnershipId={detail.id}
                  vendorName={detail.vendor.name}
                  companyName={tenant.name}
                  state={detail.state}
                  grantedScopes={detail.grantedScopes}
                />
              ) : null}
            </div>
          ) : null
        }
      />
    </div>
  );
}
