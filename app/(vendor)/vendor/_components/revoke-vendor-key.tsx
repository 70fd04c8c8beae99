"use client";

import { ConfirmAction } from "@/components/partners/confirm-action";
import { revokeVendorKeyAction } from "../actions";

/** Revoke one of the vendor's keys at once (a leaked key must not wait for an operator). */
export function RevokeVendorKey({ keyId, name }: { keyId: string; name: string }) {
  return (
    <ConfirmAction
      label="Revoke"
      srLabel={name}
      title={`Revoke the key “${name}”?`}
      description="Every app using this key gets 401 from its next request, for every hauler. This cannot be undone; an operator can issue a new key."
      confirmLabel="Revoke key"
      success={`Key “${name}” revoked`}
      run={() => revokeVendorKeyAction({ keyId })}
    />
  );
}
