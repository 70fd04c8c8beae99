"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { feedback, firstError } from "@/components/partners/action-feedback";
import { NoteField } from "@/components/partners/note-field";
import { ScopePicker } from "@/components/scopes/scope-picker";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { requestPartnershipAction } from "../actions";
import { FormDialogButtons } from "@/components/ui/form-dialog-buttons";

/** Ask a hauler for access: its tenant ID, the scopes wanted and why. */
export function RequestPartnershipDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [scopes, setScopes] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);

  async function submit(form: FormData) {
    setPending(true);
    const result = await requestPartnershipAction({
      companyId: String(form.get("companyId") ?? ""),
      scopes,
      note: String(form.get("note") ?? ""),
    });
    setPending(false);
    const { data, fieldErrors } = feedback(result, "Request sent: the hauler decides scope by scope");
    setErrors(fieldErrors);
    if (!data) return;
    setOpen(false);
    setScopes([]);
    router.refresh();
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden="true" className="size-4" /> Request a partnership
        </Button>
      </DialogTrigger>
      <DialogContent
        width="xl"
        title="Request a partnership"
        description="The hauler sees your request with the scopes and note, and approves all of it, part of it, or none."
        footer={<FormDialogButtons form="request-partnership" pending={pending} label="Send request" pendingLabel="Sending…" onCancel={() => setOpen(false)} />}
      >
        <form id="request-partnership" action={submit} className="space-y-5">
          <fieldset disabled={pending} className="space-y-5">
            <Field
              id="request-company"
              name="companyId"
              label="Hauler's tenant ID"
              placeholder="a0000000-0000-4000-8000-000000000002"
              autoComplete="off"
              spellCheck={false}
              required
              error={firstError(errors, "companyId")}
            />
            <ScopePicker value={scopes} onChange={setScopes} legend="Scopes to request" error={firstError(errors, "scopes")} />
            <NoteField
              id="request-note"
              name="note"
              label="Why you need this access"
              hint="Shown to the hauler with the request."
              error={firstError(errors, "note")}
            />
          </fieldset>
        </form>
      </DialogContent>
    </Dialog>
  );
}
