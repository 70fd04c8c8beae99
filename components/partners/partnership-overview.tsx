import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import type { PartnershipDetail } from "@/lib/tenancy/partnership-views";
import { PartnershipHistory } from "./partnership-history";
import { PartnershipStateBadge } from "./partnership-state-badge";
import { ScopeBadges } from "./scope-badges";
import { Timestamp } from "./timestamp";

/** One partnership as both sides see it: state, grant, open request, last decision, history. */
export function PartnershipOverview({ detail, actions }: { detail: PartnershipDetail; actions?: ReactNode }) {
  const { openRequest, lastDecision } = detail;
  return (
    <div className="space-y-6">
      <Card className="p-5">
        <dl className="grid gap-x-6 gap-y-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-zinc-500">Status</dt>
            <dd className="mt-1">
              <PartnershipStateBadge state={detail.state} />
            </dd>
          </div>
          <div>
            <dt className="text-zinc-500">Since</dt>
            <dd className="mt-1 text-zinc-900">
              <Timestamp at={detail.since} />
            </dd>
          </div>
          <div>
            <dt className="text-zinc-500">Granted scopes</dt>
            <dd className="mt-1">
              <ScopeBadges scopes={detail.grantedScopes} label="Granted scopes" />
            </dd>
          </div>
          <div>
            <dt className="text-zinc-500">Requested, not granted</dt>
            <dd className="mt-1">
              <ScopeBadges scopes={detail.requestedNotGranted} label="Requested and not granted" tone="amber" empty="—" />
            </dd>
          </div>
          <div>
            <dt className="text-zinc-500">Last API call</dt>
            <dd className="mt-1 text-zinc-900">
              <Timestamp at={detail.lastCallAt} />
            </dd>
          </div>
          <div>
            <dt className="text-zinc-500">API calls, last 30 days</dt>
            <dd className="mt-1 tabular-nums text-zinc-900">{detail.callsLast30Days}</dd>
          </div>
        </dl>
        {actions ? <div className="mt-5 border-t border-zinc-100 pt-4">{actions}</div> : null}
      </Card>

      {openRequest ? (
        <section aria-labelledby="open-request" className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm">
          <h2 id="open-request" className="font-semibold text-amber-900">
            Pending request
          </h2>
          <p className="mt-1 text-amber-900">
            {openRequest.requestedBy} asked on <Timestamp at={openRequest.createdAt} /> for:
          </p>
          <div className="mt-2">
            <ScopeBadges scopes={openRequest.scopes} label="Requested scopes" tone="amber" />
          </div>
          {openRequest.note ? <blockquote className="mt-2 border-l-2 border-amber-300 pl-2 text-amber-900">{openRequest.note}</blockquote> : null}
        </section>
      ) : null}

      {lastDecision?.status === "denied" ? (
        <section aria-labelledby="denied" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm">
          <h2 id="denied" className="font-semibold text-red-900">
            Last request denied
          </h2>
          <p className="mt-1 text-red-900">
            {lastDecision.decidedBy} denied {lastDecision.scopes.join(", ")}
            {lastDecision.decidedAt ? (
              <>
                {" "}
                on <Timestamp at={lastDecision.decidedAt} />
              </>
            ) : null}
            .
          </p>
          {lastDecision.decisionReason ? <p className="mt-1 font-medium text-red-900">Reason: {lastDecision.decisionReason}</p> : null}
        </section>
      ) : null}

      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-base font-semibold text-zinc-900">
          History
        </h2>
        <PartnershipHistory history={detail.history} />
      </section>
    </div>
  );
}
