"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { unwrap } from "@/components/actions/action-result";
import { maskedKey } from "@/components/keys/masked-key";
import { RollGracePicker } from "@/components/keys/roll-grace-picker";
import { type ShownSecret, SecretDialog } from "@/components/keys/secret-dialog";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import { DEFAULT_ROLL_GRACE, type RollGrace } from "@/lib/keys/roll-grace";
import { rollKeyAction } from "../actions";

export type RollableKey = { id: string; name: string; prefix: string; last4: string };

/**
 * Roll: a new secret with the same name, scopes and expiry rule; the old one keeps working for the
 * chosen grace period. The new secret is shown once, then the lists refresh.
 */
export function RollKeyDialog({ tenantId, apiKey, onClose, onChanged }: { tenantId: string; apiKey: RollableKey; onClose: () => void; onChanged: () => void }) {
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
            Creates a new secret with the same name, scopes and expiry rule. The old key <code className="font-mono text-xs">{maskedKey(apiKey)}</code> stops
            working when the grace period ends.
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
        <RollGracePicker value={grace} onChange={setGrace} disabled={roll.isPending} />
      </DialogContent>
    </Dialog>
  );
}
