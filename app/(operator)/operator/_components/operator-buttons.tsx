"use client";

import { ConfirmAction } from "@/components/partners/confirm-action";
import { emergencyRevokeAction, revokeKeyAsOperatorAction } from "../actions";

export function RevokeKeyButton({ keyId, name, vendorName }: { keyId: string; name: string; vendorName: string }) {
  return (
    <ConfirmAction
      label="Revoke"
      srLabel={name}
      title={`Revoke ${vendorName}'s key “${name}”?`}
      description="Every app using this key gets 401 from its next request, for every hauler. This cannot be undone."
      confirmLabel="Revoke key"
      success={`Key “${name}” revoked`}
      run={() => revokeKeyAsOperatorAction({ keyId })}
    />
  );
}

export function EmergencyRevokeButton({ partnershipId, vendorName, companyName }: { partnershipId: string; vendorName: string; companyName: string }) {
  return (
    <ConfirmAction
      label="Emergency revoke"
      srLabel={`${vendorName} for ${companyName}`}
      title={`Revoke ${vendorName}'s access to ${companyName}?`}
      description={`${vendorName}'s keys get 403 for ${companyName} from their next request on every instance. This is final: ${vendorName} must request again and ${companyName} approve.`}
      confirmLabel="Revoke partnership"
      success={`Partnership of ${vendorName} with ${companyName} revoked`}
      run={() => emergencyRevokeAction({ partnershipId })}
    />
  );
}
