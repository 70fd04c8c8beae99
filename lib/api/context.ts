import "server-only";
import type { DbClient } from "@/lib/db/transaction";
import type { Tenant } from "@/lib/tenancy/access";
import type { ConsoleIdentity } from "./principal";

/**
 * Who is calling: the verified key or console session. `ownerId` is the company (direct) or vendor
 * (vendor key or vendor user's console session).
 */
export type AuthInfo = {
  /** Null for a console session. */
  keyId: string | null;
  kind: "DIRECT" | "VENDOR";
  ownerId: string;
  companyId: string | null;
  vendorId: string | null;
  scopes: readonly string[];
  console: ConsoleIdentity | null;
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

/** A string from the handler or an error; the read cache hands back the bytes it keeps. */
export type Outcome = { status: number; body: string | Uint8Array<ArrayBuffer> | null };
