import { ArrowRightLeft } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { maskedKey } from "@/components/keys/masked-key";
import { RelativeTime } from "@/components/ui/relative-time";
import type { KeyRow } from "@/lib/keys/queries";
import { EXPIRING_WITHIN_DAYS } from "@/lib/keys/status";

const DAY_MS = 86_400_000;

/** "Never" or the relative time of the last request (exact time on hover). */
export function LastUsed({ at }: { at: Date | null }) {
  return at ? <RelativeTime date={at} /> : <span className="text-zinc-600">Never</span>;
}

/** Relative expiry, with an "expires in N days" badge from 7 days out. */
export function Expires({ apiKey }: { apiKey: Pick<KeyRow, "expiresAt" | "status"> }) {
  const { expiresAt } = apiKey;
  if (!expiresAt) return <span className="text-zinc-600">Never</span>;
  const days = Math.ceil((expiresAt.getTime() - Date.now()) / DAY_MS);
  if (apiKey.status === "expiring" && days <= EXPIRING_WITHIN_DAYS) {
    return <Badge tone="amber">{days <= 1 ? "Expires within a day" : `Expires in ${days} days`}</Badge>;
  }
  return <RelativeTime date={expiresAt} />;
}

/**
 * The link between a rolled key and its replacement, while either is in its grace period: the
 * old key's last use tells whether traffic has moved before it stops working.
 */
export function RollLink({ apiKey }: { apiKey: KeyRow }) {
  const old = apiKey.replaces;
  if (old && old.status === "retiring" && old.revokedAt) {
    return (
      <p className="mt-1 flex items-start gap-1.5 text-xs text-indigo-800">
        <ArrowRightLeft aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
        <span>
          Replaces <code className="font-mono">{maskedKey(old)}</code>, which works until <RelativeTime date={old.revokedAt} /> (last used{" "}
          {old.lastUsedAt ? <RelativeTime date={old.lastUsedAt} /> : "never"})
        </span>
      </p>
    );
  }
  const next = apiKey.replacedBy;
  if (next && apiKey.status === "retiring" && apiKey.revokedAt) {
    return (
      <p className="mt-1 flex items-start gap-1.5 text-xs text-indigo-800">
        <ArrowRightLeft aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
        <span>
          Rolled to <code className="font-mono">{maskedKey(next)}</code>; stops working <RelativeTime date={apiKey.revokedAt} />
        </span>
      </p>
    );
  }
  return null;
}
