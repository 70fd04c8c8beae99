import { DEVELOPER_SETTINGS, tenantHome } from "@/lib/auth/home";

/**
 * The same section in another tenant: `/<from>/settings/developer/keys/<id>` →
 * `/<to>/settings/developer/keys`. Deeper segments (record ids) belong to the old tenant, so
 * they are dropped; anything unrecognised lands on the other tenant's developer settings.
 */
export function switchTenantHref(pathname: string, toTenantId: string): string {
  const [, , ...rest] = pathname.split("/");
  const home = tenantHome(toTenantId);
  const sectionSlug = rest[2];
  if (!rest.join("/").startsWith(`${DEVELOPER_SETTINGS}/`) || !sectionSlug) return home;
  return `${home}/${sectionSlug}`;
}
