import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";
import { requireTenantAccess } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Partners · Klau" };

export default async function PartnersPage({ params }: { params: Promise<{ tenant: string }> }) {
  await requireTenantAccess((await params).tenant);
  return <SectionPlaceholder slug="partners" />;
}
