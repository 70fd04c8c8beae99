import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PartnershipOverview } from "@/components/partners/partnership-overview";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/ui/page-header";
import { requireVendorUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { getPartnershipDetail, type PartnershipDetail } from "@/lib/tenancy/partnership-views";
import { vendorScope } from "@/lib/tenancy/scope";
import { VendorPartnershipActions } from "../../_components/vendor-partnership-actions";

export const metadata: Metadata = { title: "Partnership · Klau" };

export default async function VendorPartnershipPage({ params }: { params: Promise<{ id: string }> }) {
  const { vendor } = await requireVendorUser();
  const { id } = await params;
  let detail: PartnershipDetail;
  try {
    detail = await getPartnershipDetail(await getDb(), vendorScope(vendor.id), id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  return (
    <div className="space-y-8">
      <PageHeader
        eyebrow="Haulers"
        title={detail.company.name}
        description={
          <span className="flex items-center gap-1 font-mono text-xs">
            Tenant ID {detail.company.id}
            <CopyButton value={detail.company.id} label={`Copy tenant ID of ${detail.company.name}`} />
          </span>
        }
      />
      <PartnershipOverview
        detail={detail}
        actions={
          <VendorPartnershipActions
            partnershipId={detail.id}
            companyName={detail.company.name}
            state={detail.state}
            grantedScopes={detail.grantedScopes}
            openRequestId={detail.openRequest?.id ?? null}
          />
        }
      />
    </div>
  );
}
