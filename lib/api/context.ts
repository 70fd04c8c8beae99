import type { DbClient } from "@/lib/db/transaction";
import type { Tenant } from "@/lib/tenancy/resolve";

/** Who is calling: the verified key. `ownerId` is the company (direct) or vendor (vendor key). */
export type AuthInfo = {
  keyId: string;
  kind: "DIRECT" | "VENDOR";
  ownerId: string;
  companyId: string | null;
  vendorId: string | null;
  scopes: readonly string[];
};

export type HandlerContext<Q, B, P> = {
  db: DbClient;
  /** The tenant acted for: every query in the handler must filter by `tenant.id`. */
  tenant: Tenant;
  auth: AuthInfo;
  query: Q;
  body: B;
  params: P;
  requestId: string;
  request: Request;
};
