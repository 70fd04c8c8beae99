import "server-only";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { Partnership, PartnershipRequest, Prisma } from "@/lib/generated/prisma/client";
import { inScope, without } from "./partnership-change";
import { type AccessScope, type CompanyScope, companyWhere } from "./scope";

/**
 * What the vendor, company and operator pages show about partnerships, read inside a scope.
 * `state` tells the ended ones apart (the status column only says REVOKED).
 */
export type PartnershipState = "pending" | "active" | "suspended" | "revoked" | "ended" | "denied" | "withdrawn";
export type RequestStatusName = "pending" | "approved" | "denied" | "withdrawn" | "cancelled";

export type RequestView = {
  id: string;
  partnershipId: string;
  status: RequestStatusName;
  scopes: string[];
  approvedScopes: string[];
  note: string | null;
  decisionReason: string | null;
  requestedBy: string;
  decidedBy: string | null;
  createdAt: Date;
  decidedAt: Date | null;
};

export type PartnershipSummary = {
  id: string;
  vendor: { id: string; name: string };
  company: { id: string; name: string; parentName: string | null };
  state: PartnershipState;
  /** What the vendor may use now (empty unless active); a suspended one keeps it for resuming. */
  grantedScopes: string[];
  /** Asked for in this cycle and not granted (pending, denied or left out of an approval). */
  requestedNotGranted: string[];
  openRequest: RequestView | null;
  /** The latest decided request of this cycle (e.g. a denial with its reason). */
  lastDecision: RequestView | null;
  since: Date;
  lastCallAt: Date | null;
  callsLast30Days: number;
};

export type HistoryEntry = { id: string; at: Date; action: string; actor: string; details: Record<string, unknown> };

const include = {
  vendor: { select: { id: true, name: true } },
  company: { select: { id: true, name: true, parentId: true, parent: { select: { name: true } } } },
  requests: { orderBy: [{ createdAt: "desc" }, { id: "desc" }] },
} satisfies Prisma.PartnershipInclude;
type Row = Prisma.PartnershipGetPayload<{ include: typeof include }>;

export function toRequestView(r: PartnershipRequest): RequestView {
  return {
    id: r.id,
    partnershipId: r.partnershipId,
    status: r.status.toLowerCase() as RequestStatusName,
    scopes: r.scopes,
    approvedScopes: r.approvedScopes,
    note: r.note,
    decisionReason: r.decisionReason,
    requestedBy: r.requestedByLabel,
    decidedBy: r.decidedByLabel,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
  };
}

export function partnershipState(p: Pick<Partnership, "status" | "closedAs">): PartnershipState {
  if (p.status !== "REVOKED") return p.status.toLowerCase() as PartnershipState;
  const closedAs = p.closedAs ?? "revoked";
  return (["ended", "denied", "withdrawn"].includes(closedAs) ? closedAs : "revoked") as PartnershipState;
}

function scopeWhere(scope: AccessScope): Prisma.PartnershipWhereInput {
  if (scope.kind === "operator") return {};
  if (scope.kind === "vendor") return { vendorId: scope.vendorId };
  return companyWhere(scope);
}

type Calls = Map<string, { last: Date | null; count: number }>;

/** Last API call and calls in the last 30 days per vendor:company, from the request log. */
async function callsFor(db: Db, rows: Row[]): Promise<Calls> {
  const calls: Calls = new Map();
  if (rows.length === 0) return calls;
  const pairs = rows.map((r) => ({ vendorId: r.vendorId, companyId: r.companyId }));
  const since = new Date(Date.now() - 30 * 86_400_000);
  const [last, recent] = await Promise.all([
    db.apiRequestLog.groupBy({ by: ["vendorId", "companyId"], where: { OR: pairs }, _max: { createdAt: true } }),
    db.apiRequestLog.groupBy({ by: ["vendorId", "companyId"], where: { OR: pairs, createdAt: { gte: since } }, _count: { _all: true } }),
  ]);
  for (const l of last) calls.set(`${l.vendorId}:${l.companyId}`, { last: l._max.createdAt, count: 0 });
  for (const r of recent) {
    const key = `${r.vendorId}:${r.companyId}`;
    calls.set(key, { last: calls.get(key)?.last ?? null, count: r._count._all });
  }
  return calls;
}

function summarize(row: Row, calls: Calls): PartnershipSummary {
  const cycle = row.requests.filter((r) => r.createdAt >= row.openedAt);
  const open = cycle.find((r) => r.status === "PENDING") ?? null;
  const decided = cycle.find((r) => r.status === "APPROVED" || r.status === "DENIED") ?? null;
  const state = partnershipState(row);
  const granted = state === "active" || state === "suspended" ? row.scopes : [];
  const asked = [...new Set(cycle.filter((r) => ["PENDING", "APPROVED", "DENIED"].includes(r.status)).flatMap((r) => r.scopes))];
  const call = calls.get(`${row.vendorId}:${row.companyId}`);
  return {
    id: row.id,
    vendor: row.vendor,
    company: { id: row.company.id, name: row.company.name, parentName: row.company.parent?.name ?? null },
    state,
    grantedScopes: granted,
    requestedNotGranted: without(asked, granted),
    openRequest: open && toRequestView(open),
    lastDecision: decided && toRequestView(decided),
    since: row.activeSince ?? row.openedAt,
    lastCallAt: call?.last ?? null,
    callsLast30Days: call?.count ?? 0,
  };
}

export type PartnershipFilter = { state?: PartnershipState; vendorId?: string; companyId?: string; search?: string };

/** Partnerships the scope may see, newest cycle first; the operator filters across companies. */
export async function listPartnershipSummaries(db: Db, scope: AccessScope, filter: PartnershipFilter = {}): Promise<PartnershipSummary[]> {
  const search = filter.search?.trim();
  const rows = await db.partnership.findMany({
    where: {
      AND: [
        scopeWhere(scope),
        { vendorId: filter.vendorId, companyId: filter.companyId },
        search
          ? { OR: [{ vendor: { name: { contains: search, mode: "insensitive" } } }, { company: { name: { contains: search, mode: "insensitive" } } }] }
          : {},
      ],
    },
    include,
    orderBy: [{ openedAt: "desc" }, { id: "asc" }],
  });
  const calls = await callsFor(db, rows);
  const all = rows.map((r) => summarize(r, calls));
  return filter.state ? all.filter((p) => p.state === filter.state) : all;
}

export type PartnershipDetail = PartnershipSummary & { requests: RequestView[]; history: HistoryEntry[] };

/** One partnership with every request and its history (requests, decisions, grant changes). */
export async function getPartnershipDetail(db: Db, scope: AccessScope, id: string): Promise<PartnershipDetail> {
  const row = await db.partnership.findUnique({ where: { id }, include });
  if (!row || !inScope(scope, row)) throw new NotFoundError("Partnership");
  const [calls, events] = await Promise.all([
    callsFor(db, [row]),
    db.auditEvent.findMany({ where: { targetType: "partnership", targetId: id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 200 }),
  ]);
  return {
    ...summarize(row, calls),
    requests: row.requests.map(toRequestView),
    // Both sides see the history, so it carries who acted but not their IP address.
    history: events.map((e) => ({
      id: e.id,
      at: e.createdAt,
      action: e.action,
      actor: e.actorLabel,
      details: (e.metadata ?? {}) as Record<string, unknown>,
    })),
  };
}

export type PendingRequest = RequestView & { partnership: PartnershipSummary };

/** The company's requests waiting for a decision, oldest first, each with the current grant. */
export async function listPendingRequests(db: Db, scope: CompanyScope): Promise<PendingRequest[]> {
  const partnerships = await listPartnershipSummaries(db, scope);
  return partnerships
    .flatMap((p) => (p.openRequest ? [{ ...p.openRequest, partnership: p }] : []))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** For the sidebar badge: one count query. */
export async function countPendingRequests(db: Db, scope: CompanyScope): Promise<number> {
  return db.partnershipRequest.count({ where: { status: "PENDING", partnership: scopeWhere(scope) } });
}
