"use client";

import { useMutation } from "@tanstack/react-query";
import { unwrap } from "@/components/actions/action-result";
import { maskedKey } from "@/components/keys/masked-key";
import { AlertDialog } from "@/components/ui/alert-dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { toast } from "@/components/ui/toaster";
import { revokeKeyAction } from "../actions";

export type RevocableKey = { id: string; name: string; prefix: string; last4: string; lastUsedAt: Date | null };

/** Revoke with a confirmation that names the key, says when it was last used and what stops working. */
export function RevokeKeyDialog({
  tenantId,
  apiKey,
  onClose,
  onChanged,
}: {
  tenantId: string;
  apiKey: RevocableKey;
  onClose: () => void;
  onChanged: () => void;
}) {
  const revoke = useMutation({
    mutationFn: async () => unwrap(await revokeKeyAction({ tenantId, keyId: apiKey.id })),
    onSuccess: () => {
      toast.success(`Key “${apiKey.name}” revoked`);
      onChanged();
      onClose();
    },
    onError: (error) => toast.error(error.message),
  });
  return (
    <AlertDialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={`Revoke “${apiKey.name}”?`}
      description={
        <>
          Apps using <code className="font-mono text-xs">{maskedKey(apiKey)}</code> get 401 Unauthorized from their next request. This cannot be undone.{" "}
          {apiKey.lastUsedAt ? (
            <>
              It was last used <RelativeTime date={apiKey.lastUsedAt} />.
            </>
          ) : (
            "It has never been used."
          )}
        </>
      }
      confirmLabel="Revoke key"
      pendingLabel="Revoking…"
      pending={revoke.isPending}
      onConfirm={() => revoke.mutate()}
    />
  );
}
