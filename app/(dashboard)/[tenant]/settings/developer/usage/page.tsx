import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";
import { requireTenantAccess } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Usage · Klau" };

export default async function UsagePage({ params }: { params: Promise<{ tenant: string }> }) {
  await requireTenantAccess((await params).tenant);
  return <SectionPlaceholder slug="usage" />;
}
