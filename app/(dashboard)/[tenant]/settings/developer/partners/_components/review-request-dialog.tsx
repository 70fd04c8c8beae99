"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { feedback, firstError } from "@/components/partners/action-feedback";
import { NoteField } from "@/components/partners/note-field";
import { ScopeDiffList } from "@/components/partners/scope-diff-list";
import { Timestamp } from "@/components/partners/timestamp";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { approvalDiff } from "@/lib/tenancy/grant-diff";
import { approveRequestAction, denyRequestAction } from "../actions";
import { FormDialogButtons } from "@/components/ui/form-dialog-buttons";

export type ReviewableRequest = {
  id: string;
  vendorName: string;
  scopes: string[];
  note: string | null;
  requestedBy: string;
  createdAt: Date;
  currentGrant: string[];
};

/**
 * Decide on a request scope by scope: each requested scope that is not granted yet can be
 * approved or left out, and the resulting grant is shown against the current one. Or deny the
 * whole request with a reason the vendor sees.
 */
export function ReviewRequestDialog({ tenantId, request }: { tenantId: string; request: ReviewableRequest }) {
  const router = useRouter();
  const newScopes = request.scopes.filter((s) => !request.currentGrant.includes(s));
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<"approve" | "deny">("approve");
  const [selected, setSelected] = useState<string[]>(newScopes);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);

  function toggle(scope: string, on: boolean) {
    setSelected((now) => (on ? request.scopes.filter((s) => s === scope || now.includes(s)) : now.filter((s) => s !== scope)));
  }

  async function approve() {
    setPending(true);
    const result = await approveRequestAction({ tenantId, requestId: request.id, scopes: selected });
    setPending(false);
    feedback(result, `Approved ${selected.length} of ${newScopes.length} requested scope${newScopes.length === 1 ? "" : "s"} for ${request.vendorName}`);
    if (!result.ok) return;
    setOpen(false);
    router.refresh();
  }

  async function deny(form: FormData) {
    setPending(true);
    const result = await denyRequestAction({ tenantId, requestId: request.id, reason: String(form.get("reason") ?? "") });
    setPending(false);
    setErrors(feedback(result, `Request from ${request.vendorName} denied`).fieldErrors);
    if (!result.ok) return;
    setOpen(false);
    router.refresh();
  }

  const diff = approvalDiff(request.currentGrant, request.scopes, selected);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setMode("approve");
          setSelected(newScopes);
          setErrors({});
        }
      }}
    >
      <DialogTrigger asChild>
        <Button>
          Review<span className="sr-only"> request from {request.vendorName}</span>
        </Button>
      </DialogTrigger>
      <DialogContent
        width="lg"
        title={`Request from ${request.vendorName}`}
        description={
          <>
            {request.requestedBy} asked on <Timestamp at={request.createdAt} />. Approve the scopes you agree to; the vendor sees what you left out.
          </>
        }
        footer={
          mode === "approve" ? (
            <>
              <Button variant="secondary" onClick={() => setMode("deny")} disabled={pending}>
                Deny…
              </Button>
              <Button onClick={approve} disabled={pending || selected.length === 0}>
                {pending ? "Approving…" : selected.length === newScopes.length ? "Approve all" : `Approve ${selected.length} selected`}
              </Button>
            </>
          ) : (
            <FormDialogButtons
              form={`deny-${request.id}`}
              variant="danger"
              pending={pending}
              label="Deny request"
              pendingLabel="Denying…"
              cancelLabel="Back"
              onCancel={() => setMode("approve")}
            />
          )
        }
      >
        <div className="space-y-5">
          {request.note ? (
            <figure className="space-y-1">
              <figcaption className="text-xs font-medium text-zinc-500">Note from the vendor</figcaption>
              <blockquote className="border-l-2 border-zinc-300 pl-3 text-sm text-zinc-800">{request.note}</blockquote>
            </figure>
          ) : null}
          {mode === "approve" ? (
            <>
              <fieldset className="space-y-2" disabled={pending}>
                <legend className="text-sm font-medium text-zinc-900">Requested scopes</legend>
                {newScopes.length === 0 ? <p className="text-sm text-zinc-600">Every requested scope is already granted.</p> : null}
                <ul className="space-y-1.5">
                  {newScopes.map((scope) => (
                    <li key={scope}>
                      <label className="flex items-center gap-2 text-sm text-zinc-900">
                        <input
                          type="checkbox"
                          className="size-4 rounded border-zinc-300 accent-indigo-600"
                          checked={selected.includes(scope)}
                          onChange={(e) => toggle(scope, e.target.checked)}
                        />
                        Approve <span className="font-mono text-xs">{scope}</span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
              <div className="space-y-2">
                <h3 className="text-sm font-medium text-zinc-900">Grant after approval</h3>
                <ScopeDiffList rows={diff} label="Grant after approval, against the current grant" />
              </div>
            </>
          ) : (
            <form id={`deny-${request.id}`} action={deny}>
              <fieldset disabled={pending}>
                <NoteField
                  id={`deny-reason-${request.id}`}
                  name="reason"
                  label="Reason"
                  hint={`${request.vendorName} sees this reason.`}
                  required
                  error={firstError(errors, "reason")}
                />
              </fieldset>
            </form>
          )}
        </div>
      </DialogContent>
    </Dialog>
  );
}
