"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { feedback, firstError } from "@/components/partners/action-feedback";
import { NoteField } from "@/components/partners/note-field";
import { ScopePicker } from "@/components/scopes/scope-picker";
import { AlertDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/actions/authorized-action";
import type { PartnershipState } from "@/lib/tenancy/partnership-views";
import { endPartnershipAction, requestMoreScopesAction, withdrawRequestAction } from "../actions";

type Props = {
  partnershipId: string;
  companyName: string;
  state: PartnershipState;
  grantedScopes: string[];
  openRequestId: string | null;
};

/** What a vendor can do on one partnership: request more scopes, withdraw a pending request, end it. */
export function VendorPartnershipActions({ partnershipId, companyName, state, grantedScopes, openRequestId }: Props) {
  const router = useRouter();
  const [confirm, setConfirm] = useState<"withdraw" | "end" | null>(null);
  const [pending, setPending] = useState(false);
  const live = state === "active" || state === "suspended";

  async function run(call: () => Promise<ActionResult<unknown>>, success: string) {
    setPending(true);
    const result = await call();
    feedback(result, success);
    setPending(false);
    if (!result.ok) return;
    setConfirm(null);
    router.refresh();
  }

  return (
    <div className="flex flex-wrap gap-2">
      {live && !openRequestId ? <RequestMoreDialog partnershipId={partnershipId} companyName={companyName} grantedScopes={grantedScopes} /> : null}
      {openRequestId ? (
        <Button variant="secondary" onClick={() => setConfirm("withdraw")}>
          Withdraw request
        </Button>
      ) : null}
      {live ? (
        <Button variant="secondary" onClick={() => setConfirm("end")}>
          End partnership
        </Button>
      ) : null}
      <AlertDialog
        open={confirm === "withdraw"}
        onOpenChange={(open) => setConfirm(open ? "withdraw" : null)}
        title={`Withdraw your request to ${companyName}?`}
        description="The hauler will no longer see it. Scopes already granted keep working."
        confirmLabel="Withdraw request"
        pendingLabel="Withdrawing…"
        pending={pending}
        onConfirm={() => openRequestId && run(() => withdrawRequestAction({ requestId: openRequestId }), "Request withdrawn")}
      />
      <AlertDialog
        open={confirm === "end"}
        onOpenChange={(open) => setConfirm(open ? "end" : null)}
        title={`End the partnership with ${companyName}?`}
        description={`Your keys get 403 for ${companyName} from the next request. This is final: to work with ${companyName} again you must send a new request.`}
        confirmLabel="End partnership"
        pendingLabel="Ending…"
        pending={pending}
        onConfirm={() => run(() => endPartnershipAction({ partnershipId }), "Partnership ended")}
      />
    </div>
  );
}

function RequestMoreDialog({ partnershipId, companyName, grantedScopes }: { partnershipId: string; companyName: string; grantedScopes: string[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [scopes, setScopes] = useState<string[]>(grantedScopes);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);

  async function submit(form: FormData) {
    setPending(true);
    const result = await requestMoreScopesAction({ partnershipId, scopes, note: String(form.get("note") ?? "") });
    setPending(false);
    const { data, fieldErrors } = feedback(result, "Request sent: your current grant keeps working meanwhile");
    setErrors(fieldErrors);
    if (!data) return;
    setOpen(false);
    router.refresh();
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setScopes(grantedScopes);
      }}
    >
      <DialogTrigger asChild>
        <Button>Request more scopes</Button>
      </DialogTrigger>
      <DialogContent
        width="xl"
        title={`Request more scopes from ${companyName}`}
        description="Starts from what is granted now: add what you need. Your current grant keeps working while the hauler decides."
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" form="request-more" disabled={pending}>
              {pending ? "Sending…" : "Send request"}
            </Button>
          </>
        }
      >
        <form id="request-more" action={submit} className="space-y-5">
          <fieldset disabled={pending} className="space-y-5">
            <ScopePicker value={scopes} onChange={setScopes} legend="Scopes you need" error={firstError(errors, "scopes")} />
            <NoteField id="more-note" name="note" label="Why you need them" hint="Shown to the hauler with the request." error={firstError(errors, "note")} />
          </fieldset>
        </form>
      </DialogContent>
    </Dialog>
  );
}
