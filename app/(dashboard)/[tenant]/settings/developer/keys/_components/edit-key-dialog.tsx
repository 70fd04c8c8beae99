"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ActionFailure, unwrap } from "@/components/actions/action-result";
import { ScopePicker } from "@/components/scopes/scope-picker";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import { updateKeyAction } from "../actions";
import { NameFields } from "./name-fields";
import { FormDialogButtons } from "@/components/ui/form-dialog-buttons";

export type EditableKey = { id: string; name: string; description: string | null; scopes: string[] };

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s) => b.includes(s));
}

/** Rename, describe and re-scope a key. Only what changed is sent; a scope change applies from the key's next request. */
export function EditKeyDialog({ tenantId, apiKey, onClose, onChanged }: { tenantId: string; apiKey: EditableKey; onClose: () => void; onChanged: () => void }) {
  const [name, setName] = useState(apiKey.name);
  const [description, setDescription] = useState(apiKey.description ?? "");
  const [scopes, setScopes] = useState<string[]>(apiKey.scopes);

  const save = useMutation({
    mutationFn: async () => {
      const changes = {
        ...(name.trim() !== apiKey.name ? { name } : {}),
        ...(description.trim() !== (apiKey.description ?? "") ? { description } : {}),
        ...(sameSet(scopes, apiKey.scopes) ? {} : { scopes }),
      };
      if (Object.keys(changes).length === 0) return null;
      return unwrap(await updateKeyAction({ tenantId, keyId: apiKey.id, ...changes }));
    },
    onSuccess: (saved) => {
      if (saved) {
        toast.success(`Key “${saved.name}” saved`);
        onChanged();
      }
      onClose();
    },
    onError: (error) => {
      if (!(error instanceof ActionFailure) || Object.keys(error.fieldErrors).length === 0) toast.error(error.message);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  const failure = save.error instanceof ActionFailure ? save.error : null;
  return (
    <Dialog open onOpenChange={(open) => (open || save.isPending ? undefined : onClose())}>
      <DialogContent
        title={`Edit “${apiKey.name}”`}
        description="Changes to the scopes apply from the key's next request; the secret stays the same."
        width="xl"
        footer={<FormDialogButtons form="edit-key-form" pending={save.isPending} label="Save changes" pendingLabel="Saving…" onCancel={onClose} />}
      >
        <form id="edit-key-form" onSubmit={submit} noValidate>
          <fieldset disabled={save.isPending} className="space-y-6">
            <NameFields
              name={name}
              description={description}
              onName={setName}
              onDescription={setDescription}
              errors={{ name: failure?.field("name"), description: failure?.field("description") }}
            />
            <ScopePicker value={scopes} onChange={setScopes} error={failure?.field("scopes")} />
          </fieldset>
        </form>
      </DialogContent>
    </Dialog>
  );
}
