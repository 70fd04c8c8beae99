import { Eye } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PartnershipStateBadge } from "@/components/partners/partnership-state-badge";
import { ScopeBadges } from "@/components/partners/scope-badges";
import { Timestamp } from "@/components/partners/timestamp";
import { EmptyState } from "@/components/ui/empty-state";
import { focusRing } from "@/components/ui/focus-ring";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, Table, Td } from "@/components/ui/table";
import { tenantHome } from "@/lib/auth/home";
import { can } from "@/lib/auth/permissions";
import { requireTenantAccess } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listDataAccess } from "@/lib/keys/data-access";
import { PartnerActions } from "../partners/_components/partner-actions";
import { RevokeKeyInPlace } from "./_components/revoke-key-in-place";

export const metadata: Metadata = { title: "Data access · Klau" };

export default async function DataAccessPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await requireTenantAccess((await params).tenant);
  const { keys, partnerships } = await listDataAccess(await getDb(), { kind: "company", companyId: tenant.id, includeDivisions: false });
  const decide = can(tenant.role, "partnerships:decide");
  const manageKeys = can(tenant.role, "keys:manage");
  const base = tenantHome(tenant.id);
  const linkClasses = `rounded font-medium text-zinc-900 hover:underline ${focusRing}`;

  return (
    <div className="space-y-10">
      <PageHeader
        title="Data access"
        description={`Everyone who can reach ${tenant.name}'s data through the API right now: direct API keys and vendor partners, with what each may do.`}
      />
      {keys.length === 0 && partnerships.length === 0 ? (
        <EmptyState icon={Eye} title="Nobody can access your data through the API">
          <p>Create an API key or approve a vendor's request to give access.</p>
        </EmptyState>
      ) : null}

      <section aria-labelledby="keys-heading" className="space-y-3">
        <h2 id="keys-heading" className="text-base font-semibold text-zinc-900">
          Direct API keys <span className="font-normal text-zinc-500">({keys.length})</span>
        </h2>
        <Table caption="Direct API keys with access" head={["Key", "Effective scopes", "Last used", "Expires", "Actions"]}>
          {keys.length === 0 ? <EmptyRow columns={5}>No usable keys.</EmptyRow> : null}
          {keys.map((k) => (
            <tr key={k.id}>
              <Td>
                <p className="font-medium text-zinc-900">{k.name}</p>
                <p className="whitespace-nowrap font-mono text-xs text-zinc-500">
                  {k.prefix}…{k.last4}
                </p>
              </Td>
              <Td>
                <ScopeBadges scopes={k.scopes} label={`Scopes of ${k.name}`} />
              </Td>
              <Td>
                <Timestamp at={k.lastUsedAt} />
              </Td>
              <Td>
                <Timestamp at={k.expiresAt} empty="Never" />
              </Td>
              <Td>
                <div className="flex flex-wrap items-center gap-3">
                  {manageKeys ? <RevokeKeyInPlace tenantId={tenant.id} apiKey={k} /> : null}
                  <Link href={`${base}/keys/${k.id}`} className={linkClasses}>
                    Details<span className="sr-only"> of key {k.name}</span>
                  </Link>
                </div>
              </Td>
            </tr>
          ))}
        </Table>
      </section>

      <section aria-labelledby="vendors-heading" className="space-y-3">
        <h2 id="vendors-heading" className="text-base font-semibold text-zinc-900">
          Vendor partners <span className="font-normal text-zinc-500">({partnerships.length})</span>
        </h2>
        <Table caption="Vendor partners with access" head={["Vendor", "Status", "Effective scopes", "Last call", ...(decide ? ["Actions"] : [])]}>
          {partnerships.length === 0 ? <EmptyRow columns={decide ? 5 : 4}>No partners.</EmptyRow> : null}
          {partnerships.map((p) => (
            <tr key={p.id}>
              <Td>
                <Link href={`${base}/partners/${p.id}`} className={linkClasses}>
                  {p.vendor.name}
                </Link>
              </Td>
              <Td>
                <PartnershipStateBadge state={p.state} />
              </Td>
              <Td>
                {p.state === "active" ? (
                  <ScopeBadges scopes={p.grantedScopes} label={`Scopes granted to ${p.vendor.name}`} />
                ) : (
                  <span className="text-sm text-zinc-500">None while suspended</span>
                )}
              </Td>
              <Td>
                <Timestamp at={p.lastCallAt} />
              </Td>
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
      </section>
    </div>
  );
}
