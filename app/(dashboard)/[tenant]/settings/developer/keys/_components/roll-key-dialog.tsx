"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { unwrap } from "@/components/actions/action-result";
import { maskedKey } from "@/components/keys/masked-key";
import { type ShownSecret, SecretDialog } from "@/components/keys/secret-dialog";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import { DEFAULT_ROLL_GRACE, ROLL_GRACE_PERIODS, type RollGrace } from "@/lib/keys/roll-grace";
import { rollKeyAction } from "../actions";

export type RollableKey = { id: string; name: string; prefix: string; last4: string };

/**
 * Roll: a new secret with the same name, scopes and expiry rule; the old one keeps working for the
 * chosen grace period. The new secret is shown once, then the lists refresh.
 */
export function RollKeyDialog({
  tenantId,
  apiKey,
  onClose,
  onChanged,
}: {
  tenantId: string;
  apiKey: RollableKey;
  onClose: () => void;
  onChanged: () => void;
}) {
  const [grace, setGrace] = useState<RollGrace>(DEFAULT_ROLL_GRACE);
  const [shown, setShown] = useState<ShownSecret | null>(null);
  const roll = useMutation({
    mutationFn: async () => unwrap(await rollKeyAction({ tenantId, keyId: apiKey.id, grace })),
    onSuccess: (created) => {
      toast.success(`Key “${created.name}” rolled`);
      setShown({ name: created.name, secret: created.secret });
    },
    onError: (error) => toast.error(error.message),
  });

  if (shown) {
    return (
      <SecretDialog
        shown={shown}
        description="Replace the old secret with this one in your integrations. Copy it now and store it somewhere safe."
        onClose={() => {
          setShown(null);
          onChanged();
          onClose();
        }}
      />
    );
  }
  return (
    <Dialog open onOpenChange={(open) => (open || roll.isPending ? undefined : onClose())}>
      <DialogContent
        title={`Roll “${apiKey.name}”`}
        description={
          <>
            Creates a new secret with the same name, scopes and expiry rule. The old key{" "}
            <code className="font-mono text-xs">{maskedKey(apiKey)}</code> stops working when the grace period ends.
          </>
        }
        footer={
          <>
            <Button variant="secondary" onClick={onClose} disabled={roll.isPending}>
              Cancel
            </Button>
            <Button onClick={() => roll.mutate()} disabled={roll.isPending}>
              {roll.isPending ? "Rolling…" : "Roll key"}
            </Button>
          </>
        }
      >
        <fieldset disabled={roll.isPending} className="space-y-2">
          <legend className="text-sm font-medium text-zinc-900">Keep the old key working for</legend>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            {ROLL_GRACE_PERIODS.map((period) => (
              <label
                key={period.value}
                className="flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm text-zinc-900 ring-1 ring-zinc-300 ring-inset has-[:checked]:bg-indigo-50 has-[:checked]:ring-indigo-600 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600"
              >
                <input
                  type="radio"
                  name="roll-grace"
                  value={period.value}
                  checked={grace === period.value}
                  onChange={() => setGrace(period.value)}
                  className="size-4 accent-indigo-600 focus:outline-none"
                />
                {period.label}
              </label>
            ))}
          </div>
          <p className="text-xs text-zinc-600">
            {grace === "now"
              ? "Apps still using the old key get 401 Unauthorized from their next request."
              : "During the grace period both keys work and the list shows them linked, with the old key's last use, so you can see traffic move."}
          </p>
        </fieldset>
      </DialogContent>
    </Dialog>
  );
}
