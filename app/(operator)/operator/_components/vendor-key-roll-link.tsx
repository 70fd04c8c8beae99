import { ArrowRightLeft } from "lucide-react";
import type { ReactNode } from "react";
import { Timestamp } from "@/components/partners/timestamp";
import type { KeyView } from "@/lib/keys/service";

/**
 * While a rolled vendor key's grace period runs, the old key and its replacement name each other,
 * with the old key's last use: the operator sees whether the vendor has moved before it stops.
 */
export function VendorKeyRollLink({ apiKey, keys }: { apiKey: KeyView; keys: KeyView[] }) {
  const old = keys.find((k) => k.replacedById === apiKey.id && k.status === "retiring");
  if (old?.revokedAt) {
    return (
      <RollNote>
        Replaces {masked(old)}, which works until <Timestamp at={old.revokedAt} withTime /> (last used <Timestamp at={old.lastUsedAt} empty="never" withTime />)
      </RollNote>
    );
  }
  const next = keys.find((k) => k.id === apiKey.replacedById);
  if (next && apiKey.status === "retiring" && apiKey.revokedAt) {
    return (
      <RollNote>
        Rolled to {masked(next)}; stops working <Timestamp at={apiKey.revokedAt} withTime />
      </RollNote>
    );
  }
  return null;
}

function masked(k: KeyView) {
  return (
    <code className="font-mono">
      {k.prefix}…{k.last4}
    </code>
  );
}

function RollNote({ children }: { children: ReactNode }) {
  return (
    <p className="mt-1 flex items-start gap-1.5 text-xs font-normal text-indigo-800">
      <ArrowRightLeft aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
      <span>{children}</span>
    </p>
  );
}
