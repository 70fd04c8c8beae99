import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { tenantHome } from "@/lib/auth/home";
import { can } from "@/lib/auth/permissions";
import { requireTenantAccess } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { KEY_FILTERS, type KeyFilter } from "@/lib/keys/filters";
import { listKeyPageWithUsage } from "@/lib/keys/key-page-usage";
import { scopeCompanies } from "@/lib/keys/queries";
import { companyScope } from "@/lib/tenancy/scope";
import { getKeyLifetimeSettings } from "@/lib/tenancy/key-lifetime";
import { CreateKeyDialog } from "../_components/create-key-dialog";
import { KeysView } from "../_components/keys-view";
import type { KeyListState } from "../_components/use-keys";

export const metadata: Metadata = { title: "API keys · Klau" };

type SearchParams = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function listState(params: SearchParams, allDivisions: boolean): KeyListState {
  const status = one(params.status);
  const page = Number.parseInt(one(params.page), 10);
  const view = allDivisions && one(params.view) === "all" ? "all" : "company";
  return {
    status: (KEY_FILTERS as readonly string[]).includes(status) ? (status as KeyFilter) : "current",
    search: one(params.q).trim().slice(0, 64),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    view,
    companyId: view === "all" ? one(params.division) : "",
  };
}

export default async function KeysPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<SearchParams> }) {
  const { tenant } = await requireTenantAccess((await params).tenant);
  const scope = companyScope(tenant);
  const db = await getDb();
  const state = listState(await searchParams, scope.includeDivisions);
  const [page, companies, lifetime] = await Promise.all([
    listKeyPageWithUsage(db, scope, {
      status: state.status,
      search: state.search,
      page: state.page,
      companyId: state.view === "all" ? state.companyId || undefined : tenant.id,
    }),
    scope.includeDivisions ? scopeCompanies(db, scope) : Promise.resolve([]),
    getKeyLifetimeSettings(db, scope),
  ]);
  const canManage = can(tenant.role, "keys:manage");
  const createButton = canManage ? <CreateKeyDialog tenantId={tenant.id} tenantName={tenant.name} maxLifetimeDays={lifetime.maxKeyLifetimeDays} /> : null;

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow="Developer settings"
        title="API keys"
        description={`Keys your integrations use to call the Klau API for ${tenant.name}. Each key acts only for this ${tenant.parentId ? "division" : "company"}, with the scopes you give it.`}
        actions={createButton}
      />
      {canManage ? null : (
        <p className="rounded-md bg-zinc-100 px-3 py-2 text-sm text-zinc-700">You can see this company's keys; an admin creates, changes and revokes them.</p>
      )}
      <KeysView
        tenantId={tenant.id}
        basePath={`${tenantHome(tenant.id)}/keys`}
        canManage={canManage}
        allDivisions={scope.includeDivisions ? { companies } : null}
        createButton={createButton}
        initial={{ state, page }}
      />
    </div>
  );
}
