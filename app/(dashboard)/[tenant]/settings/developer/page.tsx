import { ArrowRight } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { DEVELOPER_SECTIONS } from "@/components/shell/developer-sections";
import { tenantRoleLabel } from "@/components/shell/role-label";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import { focusRing } from "@/components/ui/focus-ring";
import { PageHeader } from "@/components/ui/page-header";
import { tenantHome } from "@/lib/auth/home";
import { requireTenantAccess } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { getKeyLifetimeSettings } from "@/lib/tenancy/key-lifetime";
import { companyScope } from "@/lib/tenancy/scope";
import { KeyLifetimeForm } from "./_components/key-lifetime-form";

export const metadata: Metadata = { title: "Developer settings · Klau" };

export default async function DeveloperOverviewPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await requireTenantAccess((await params).tenant);
  const base = tenantHome(tenant.id);
  const { maxKeyLifetimeDays } = await getKeyLifetimeSettings(await getDb(), companyScope(tenant));

  return (
    <div className="space-y-8">
      <PageHeader title="Developer settings" description={`Everything your integrations need to call the Klau API for ${tenant.name}.`} />

      <Card className="divide-y divide-zinc-100">
        <dl className="grid gap-x-6 gap-y-4 p-5 sm:grid-cols-[10rem_1fr]">
          <dt className="text-sm font-medium text-zinc-500">{tenant.parentId ? "Division" : "Company"}</dt>
          <dd className="text-sm text-zinc-900">{tenant.name}</dd>
          <dt className="text-sm font-medium text-zinc-500">Tenant ID</dt>
          <dd className="space-y-1">
            <span className="inline-flex items-center gap-1">
              <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-[13px] text-zinc-900">{tenant.id}</code>
              <CopyButton value={tenant.id} label="Copy tenant ID" />
            </span>
            <p className="text-xs text-zinc-500">
              Vendor integrations send it in the <code className="font-mono">Klau-Tenant-Id</code> header to act for this{" "}
              {tenant.parentId ? "division" : "company"}.
            </p>
          </dd>
          <dt className="text-sm font-medium text-zinc-500">Your role</dt>
          <dd className="flex items-center gap-2 text-sm text-zinc-700">
            <Badge tone="indigo">{tenantRoleLabel(tenant.role)}</Badge>
            {can(tenant.role, "settings:manage") ? "Can manage developer settings" : "Read-only access to developer settings"}
          </dd>
        </dl>
        <div className="p-5">
          {can(tenant.role, "settings:manage") ? (
            <KeyLifetimeForm tenantId={tenant.id} value={maxKeyLifetimeDays} />
          ) : (
            <p className="text-sm text-zinc-700">
              <span className="font-medium text-zinc-900">Maximum key lifetime: </span>
              {maxKeyLifetimeDays === null ? "no maximum" : `${maxKeyLifetimeDays} days`}
            </p>
          )}
        </div>
      </Card>

      <section aria-labelledby="sections-heading" className="space-y-3">
        <h2 id="sections-heading" className="text-sm font-semibold text-zinc-900">
          Sections
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {DEVELOPER_SECTIONS.map(({ slug, label, description, icon: Icon }) => (
            <li key={slug}>
              <Link
                href={`${base}/${slug}`}
                className={cn(
                  "group flex h-full items-start gap-3 rounded-lg border border-zinc-200 bg-white p-4 shadow-xs transition-colors hover:border-zinc-300 hover:bg-zinc-50",
                  focusRing,
                )}
              >
                <Icon aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-zinc-400 group-hover:text-indigo-600" />
                <span className="min-w-0 flex-1">
                  <span className="block text-sm font-medium text-zinc-900">{label}</span>
                  <span className="mt-0.5 block text-sm text-zinc-600">{description}</span>
                </span>
                <ArrowRight aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-zinc-300 group-hover:text-zinc-500" />
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
