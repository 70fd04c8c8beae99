"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { feedback, firstError } from "@/components/partners/action-feedback";
import { ScopeDiffList } from "@/components/partners/scope-diff-list";
import { ScopePicker } from "@/components/scopes/scope-picker";
import { AlertDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { grantDiff } from "@/lib/tenancy/grant-diff";
import type { PartnershipState } from "@/lib/tenancy/partnership-views";
import { changePartnershipStatusAction, editGrantAction } from "../actions";

type Props = { tenantId: string; partnershipId: string; vendorName: string; state: PartnershipState; grantedScopes: string[]; companyName: string };
type StatusChange = "suspended" | "active" | "revoked";

const CONFIRM: Record<StatusChange, { title: (v: string) => string; body: (v: string, c: string) => string; label: string; pending: string; done: string }> = {
  suspended: {
    title: (v) => `Suspend ${v}?`,
    body: (v, c) => `${v}'s keys get 403 for ${c} from their next request. The grant is kept: resume to restore it unchanged.`,
    label: "Suspend",
    pending: "Suspending…",
    done: "suspended",
  },
  active: {
    title: (v) => `Resume ${v}?`,
    body: (v) => `${v}'s keys work again from their next request, with the same grant.`,
    label: "Resume",
    pending: "Resuming…",
    done: "resumed",
  },
  revoked: {
    title: (v) => `Revoke ${v}'s access for good?`,
    body: (v, c) => `${v}'s keys get 403 for ${c} from their next request. This is final: ${v} must send a new request to work with you again.`,
    label: "Revoke access",
    pending: "Revoking…",
    done: "revoked",
  },
};

/** Edit grant, suspend / resume and revoke for one partner (admins and corporate users). */
export function PartnerActions({ tenantId, partnershipId, vendorName, state, grantedScopes, companyName }: Props) {
  const router = useRouter();
  const [confirm, setConfirm] = useState<StatusChange | null>(null);
  const [pending, setPending] = useState(false);

  async function changeStatus(to: StatusChange) {
    setPending(true);
    const result = await changePartnershipStatusAction({ tenantId, partnershipId, to });
    setPending(false);
    feedback(result, `${vendorName} ${CONFIRM[to].done}`);
    if (!result.ok) return;
    setConfirm(null);
    router.refresh();
  }

  const copy = confirm ? CONFIRM[confirm] : null;
  return (
    <div className="flex flex-wrap gap-2">
      <EditGrantDialog tenantId={tenantId} partnershipId={partnershipId} vendorName={vendorName} grantedScopes={grantedScopes} />
      {state === "active" ? (
        <Button variant="secondary" onClick={() => setConfirm("suspended")}>
          Suspend<span className="sr-only"> {vendorName}</span>
        </Button>
      ) : (
        <Button variant="secondary" onClick={() => setConfirm("active")}>
          Resume<span className="sr-only"> {vendorName}</span>
        </Button>
      )}
      <Button variant="secondary" onClick={() => setConfirm("revoked")}>
        Revoke<span className="sr-only"> {vendorName}</span>
      </Button>
      <AlertDialog
        open={confirm !== null}
        onOpenChange={(open) => (open ? undefined : setConfirm(null))}
        title={copy?.title(vendorName) ?? ""}
        description={copy?.body(vendorName, companyName) ?? ""}
        confirmLabel={copy?.label ?? ""}
        pendingLabel={copy?.pending}
        destructive={confirm !== "active"}
        pending={pending}
        onConfirm={() => confirm && changeStatus(confirm)}
      />
    </div>
  );
}

function EditGrantDialog({ tenantId, partnershipId, vendorName, grantedScopes }: Omit<Props, "state" | "companyName">) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [scopes, setScopes] = useState<string[]>(grantedScopes);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);

  async function save() {
    setPending(true);
    const result = await editGrantAction({ tenantId, partnershipId, scopes });
    setPending(false);
    setErrors(feedback(result, `Grant of ${vendorName} updated`).fieldErrors);
    if (!result.ok) return;
    setOpen(false);
    router.refresh();
  }

  const diff = grantDiff(grantedScopes, scopes);
  const changed = diff.some((row) => row.change !== "unchanged");
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setScopes(grantedScopes);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary">
          Edit grant<span className="sr-only"> of {vendorName}</span>
        </Button>
      </DialogTrigger>
      <DialogContent
        width="xl"
        title={`Edit what ${vendorName} may do`}
        description="Removed scopes stop working on the vendor's next request. You may also grant scopes they did not ask for."
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button onClick={save} disabled={pending || !changed || scopes.length === 0}>
              {pending ? "Saving…" : "Save grant"}
            </Button>
          </>
        }
      >
        <div className="space-y-5">
          <fieldset disabled={pending}>
            <ScopePicker value={scopes} onChange={setScopes} legend="Granted scopes" error={firstError(errors, "scopes")} />
          </fieldset>
          <div className="space-y-2">
            <h3 className="text-sm font-medium text-zinc-900">Change to the grant</h3>
            <ScopeDiffList rows={diff} label="New grant against the current grant" />
          </div>
        </div>
      </DialogContent>
    </Dialog>
  );
}
