import { ShieldCheck } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { Tooltip } from "@/components/ui/tooltip";
import { Button } from "@/components/ui/button";
import type { KeySuggestion, PartnershipSuggestion } from "@/lib/least-privilege/suggest";
import { reduceKeyScopesAction, reducePartnershipScopesAction } from "../actions";
import { ReduceDialog } from "./reduce-dialog";

type Row = (KeySuggestion | PartnershipSuggestion) & { canApply: boolean };

function Scopes({ label, scopes }: { label: string; scopes: string[] }) {
  return (
    <p className="text-xs text-zinc-600">
      <span className="font-medium text-zinc-700">{label}:</span> <span className="font-mono break-words">{scopes.length ? scopes.join(", ") : "none"}</span>
    </p>
  );
}

/** Granted vs used in the last 30 days, per key and per vendor partnership, with the one-click reduction. */
export function LeastPrivilegeSection({ tenantId, rows }: { tenantId: string; rows: Row[] }) {
  return (
    <section aria-labelledby="least-privilege-heading" className="space-y-3">
      <div>
        <h2 id="least-privilege-heading" className="text-base font-semibold text-zinc-900">
          Least-privilege suggestions
        </h2>
        <p className="text-sm text-zinc-600">
          Scopes granted compared with the scopes requests actually needed in the last 30 days. Keys unused for 90 days are flagged for revocation.
        </p>
      </div>
      {rows.length === 0 ? (
        <Card className="flex items-center gap-3 p-4 text-sm text-zinc-600">
          <ShieldCheck aria-hidden="true" className="size-5 text-emerald-700" /> No active keys or vendor partnerships.
        </Card>
      ) : (
        <ul className="space-y-3">
          {rows.map((row) => {
            const subject = row.kind === "key" ? `key “${row.name}”` : `${row.vendorName}'s access`;
            return (
              <li key={row.id}>
                <Card className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0 space-y-1">
                    <h3 className="flex flex-wrap items-center gap-2 text-sm font-medium text-zinc-900">
                      {row.kind === "key" ? row.name : row.vendorName}
                      <Badge tone="neutral">{row.kind === "key" ? `Key ${row.prefix}` : "Vendor partnership"}</Badge>
                      {row.kind === "key" && row.stale ? <Badge tone="amber">Unused 90 days: consider revoking</Badge> : null}
                    </h3>
                    <p className="text-sm text-zinc-800">{row.summary}</p>
                    <Scopes label="Granted" scopes={row.granted} />
                    <Scopes label="Used in 30 days" scopes={row.used} />
                    {row.kind === "key" ? (
                      <p className="text-xs text-zinc-600">Last used: {row.lastUsedAt ? <RelativeTime date={new Date(row.lastUsedAt)} /> : "never"}</p>
                    ) : null}
                  </div>
                  {row.suggested ? (
                    row.canApply ? (
                      <ReduceDialog
                        tenantId={tenantId}
                        id={row.id}
                        subject={subject}
                        granted={row.granted}
                        suggested={row.suggested}
                        action={row.kind === "key" ? reduceKeyScopesAction : reducePartnershipScopesAction}
                      />
                    ) : (
                      <Tooltip content="Only admins can change scopes">
                        <span>
                          <Button variant="secondary" disabled aria-disabled="true">
                            Reduce to used scopes
                          </Button>
                        </span>
                      </Tooltip>
                    )
                  ) : null}
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
