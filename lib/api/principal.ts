import "server-only";
import type { KeyRecord } from "@/lib/keys/cache";
import type { ConsoleClaims } from "@/lib/console/credential";
import type { Tenant } from "@/lib/tenancy/access";

/** The signed-in user a console session speaks for. */
export type ConsoleIdentity = { userId: string; email: string };

/**
 * Who is calling: an API key, or a console session (the console's short-lived credential,
 * lib/console/credential.ts). Both pass the same steps: a console session is DIRECT for the tenant it
 * was minted in, or VENDOR for the user's vendor account (tenant from Klau-Tenant-Id + partnership).
 */
export type Principal = {
  /** The API key's id; null for a console session. */
  keyId: string | null;
  kind: "DIRECT" | "VENDOR";
  companyId: string | null;
  vendorId: string | null;
  /** The tenant of a direct principal (null for vendors). */
  company: Tenant | null;
  scopes: readonly string[];
  /** Set for a console session only. */
  console: ConsoleIdentity | null;
};

export function keyPrincipal(key: KeyRecord): Principal {
  return { keyId: key.id, kind: key.kind, companyId: key.companyId, vendorId: key.vendorId, company: key.company, scopes: key.scopes, console: null };
}

export function consolePrincipal(claims: ConsoleClaims): Principal {
  const company = claims.kind === "DIRECT" ? claims.tenant : null;
  return {
    keyId: null,
    kind: claims.kind,
    companyId: company?.id ?? null,
    vendorId: claims.kind === "VENDOR" ? claims.vendorId : null,
    company,
    scopes: claims.scopes,
    console: { userId: claims.sub, email: claims.email },
  };
}
