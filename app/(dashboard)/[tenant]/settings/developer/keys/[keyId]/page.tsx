import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { KeyStatusBadge } from "@/components/keys/key-status-badge";
import { MaskedKey, maskedKey } from "@/components/keys/masked-key";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import { focusRing } from "@/components/ui/focus-ring";
import { PageHeader } from "@/components/ui/page-header";
import { exactTime } from "@/components/ui/relative-time";
import { tenantHome } from "@/lib/auth/home";
import { can } from "@/lib/auth/permissions";
import { requireTenantAccess } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { getKeyDetail, type KeyDetail, RECENT_REQUESTS } from "@/lib/keys/queries";
import { describeAccess, scopesLabel, scopesToAccessMap } from "@/lib/scopes/access-map";
import { companyScope } from "@/lib/tenancy/scope";
import { Expires, LastUsed, RollLink } from "../_components/key-cells";
import { KeyDetailActions } from "../_components/key-detail-actions";
import { RecentRequests } from "../_components/recent-requests";

export const metadata: Metadata = { title: "API key · Klau" };

async function loadKey(tenantId: string, keyId: string) {
  const { tenant } = await requireTenantAccess(tenantId);
  try {
    return { tenant, key: await getKeyDetail(await getDb(), companyScope(tenant), keyId) };
  } catch (error) {
    // Another tenant's key and no key at all read the same.
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-sm font-medium text-zinc-600">{term}</dt>
      <dd className="min-w-0 text-sm text-zinc-900">{children}</dd>
    </>
  );
}

function Facts({ apiKey }: { apiKey: KeyDetail }) {
  return (
    <Card>
      <dl className="grid gap-x-6 gap-y-3 p-5 sm:grid-cols-[9rem_1fr]">
        <Row term="Key">
          <MaskedKey keyRef={apiKey} />
        </Row>
        <Row term="Status">
          <span className="inline-flex flex-wrap items-center gap-2">
            <KeyStatusBadge status={apiKey.status} />
            {apiKey.revokedAt && apiKey.status === "revoked" ? <span className="text-zinc-600">{exactTime(apiKey.revokedAt)}</span> : null}
          </span>
          <RollLink apiKey={apiKey} />
        </Row>
        <Row term="Company">{apiKey.company.name}</Row>
        <Row term="Created">
          {exactTime(apiKey.createdAt)} {apiKey.createdBy ? `by ${apiKey.createdBy.name}` : "by the operator CLI"}
        </Row>
        <Row term="Last used">
          <LastUsed at={apiKey.lastUsedAt} />
        </Row>
        <Row term="Expires">
          {apiKey.expiresAt ? (
            <span className="inline-flex flex-wrap items-center gap-2">
              <Expires apiKey={apiKey} />
              <span className="text-zinc-600">{exactTime(apiKey.expiresAt)}</span>
            </span>
          ) : (
            "Never"
          )}
        </Row>
      </dl>
    </Card>
  );
}

export default async function KeyDetailPage({ params }: { params: Promise<{ tenant: string; keyId: string }> }) {
  const { tenant: tenantId, keyId } = await params;
  const { tenant, key } = await loadKey(tenantId, keyId);
  const keysPath = `${tenantHome(tenant.id)}/keys`;
  const scopes = key.scopes.join(",");
  return (
    <div className="space-y-6">
      <Link href={keysPath} className={cn("inline-flex items-center gap-1.5 rounded text-sm text-zinc-600 hover:text-zinc-900", focusRing)}>
        <ArrowLeft aria-hidden="true" className="size-4" />
        API keys
      </Link>
      <PageHeader
        eyebrow={`API key · ${maskedKey(key)}`}
        title={key.name}
        description={key.description ?? undefined}
        actions={can(tenant.role, "keys:manage") ? <KeyDetailActions tenantId={tenant.id} apiKey={key} /> : null}
      />
      <Facts apiKey={key} />
      <section aria-labelledby="scopes-heading" className="space-y-2">
        <h2 id="scopes-heading" className="text-sm font-semibold text-zinc-900">
          Scopes · {scopesLabel(key.scopes)}
        </h2>
        <Card className="space-y-2 p-4">
          <p className="text-sm text-zinc-800">{describeAccess(scopesToAccessMap(key.scopes))}</p>
          <div className="flex items-start gap-2">
            <code data-testid="key-scopes" className="min-w-0 flex-1 font-mono text-xs break-words text-zinc-900">
              {scopes}
            </code>
            <CopyButton value={scopes} label="Copy scopes" />
          </div>
        </Card>
      </section>
      <section aria-labelledby="requests-heading" className="space-y-2">
        <h2 id="requests-heading" className="text-sm font-semibold text-zinc-900">
          Last {RECENT_REQUESTS} requests
        </h2>
        <RecentRequests requests={key.recentRequests} />
      </section>
      <p className="text-xs text-zinc-600">Exact times are in UTC. Requests appear here about a second after they are served.</p>
    </div>
  );
}
