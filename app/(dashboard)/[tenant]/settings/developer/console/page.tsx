import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";
import { requireTenantAccess } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Console · Klau" };

export default async function ConsolePage({ params }: { params: Promise<{ tenant: string }> }) {
  await requireTenantAccess((await params).tenant);
  return <SectionPlaceholder slug="console" />;
}
