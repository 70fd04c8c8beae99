"use client";

import { useMutation } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { type FormEvent, useState } from "react";
import { ActionFailure, unwrap } from "@/components/actions/action-result";
import { type ShownSecret, SecretDialog } from "@/components/keys/secret-dialog";
import { ScopePicker } from "@/components/scopes/scope-picker";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import { presetScopes } from "@/lib/scopes/access-map";
import { createKeyAction } from "../actions";
import { defaultExpiry, type ExpiryChoice, ExpiryField, expiryOf } from "./expiry-field";
import { NameFields } from "./name-fields";
import { useRefreshKeys } from "./use-keys";
import { FormDialogButtons } from "@/components/ui/form-dialog-buttons";

export type CreateKeyProps = { tenantId: string; tenantName: string; maxLifetimeDays: number | null };

/**
 * "Create key": name, description, scopes and expiry in one dialog; on success the dialog gives
 * way to the show-once secret, and the list refreshes only after that closes (a refetch while it is
 * open must not disturb it). Loaded on the first click of "Create key" (create-key-dialog.tsx), so it
 * mounts open.
 */
export function CreateKeyForm({ tenantId, tenantName, maxLifetimeDays }: CreateKeyProps) {
  const [open, setOpen] = useState(true);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [scopes, setScopes] = useState<string[]>(() => presetScopes("read-only"));
  const [expiry, setExpiry] = useState<ExpiryChoice>(() => defaultExpiry(maxLifetimeDays));
  const [shown, setShown] = useState<ShownSecret | null>(null);
  const refresh = useRefreshKeys(tenantId);

  const create = useMutation({
    mutationFn: async () => unwrap(await createKeyAction({ tenantId, name, description, scopes, expiry: expiryOf(expiry) })),
    onSuccess: (created) => {
      setOpen(false);
      setShown({ name: created.name, secret: created.secret });
      toast.success(`Key “${created.name}” created`);
    },
    onError: (error) => {
      if (!(error instanceof ActionFailure) || Object.keys(error.fieldErrors).length === 0) toast.error(error.message);
    },
  });

  function reset() {
    setName("");
    setDescription("");
    setScopes(presetScopes("read-only"));
    setExpiry(defaultExpiry(maxLifetimeDays));
    create.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  const failure = create.error instanceof ActionFailure ? create.error : null;
  return (
    <>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          if (create.isPending) return;
          if (next) reset();
          setOpen(next);
        }}
      >
        {/* A trigger, so closing returns focus to it. */}
        <DialogTrigger asChild>
          <Button>
            <Plus aria-hidden="true" className="size-4" />
            Create key
          </Button>
        </DialogTrigger>
        <DialogContent
          title="Create API key"
          description={`The key acts for ${tenantName} only, with the access you choose.`}
          width="xl"
          footer={
            <FormDialogButtons form="create-key-form" pending={create.isPending} label="Create key" pendingLabel="Creating…" onCancel={() => setOpen(false)} />
          }
        >
          <form id="create-key-form" onSubmit={submit} noValidate>
            <fieldset disabled={create.isPending} className="space-y-6">
              <NameFields
                name={name}
                description={description}
                onName={setName}
                onDescription={setDescription}
                errors={{ name: failure?.field("name"), description: failure?.field("description") }}
              />
              <ScopePicker value={scopes} onChange={setScopes} error={failure?.field("scopes")} />
              <ExpiryField value={expiry} onChange={setExpiry} maxDays={maxLifetimeDays} error={failure?.field("expiry")} />
              {failure && Object.keys(failure.fieldErrors).length === 0 ? (
                <p role="alert" className="text-sm text-red-700">
                  {failure.message}
                </p>
              ) : null}
            </fieldset>
          </form>
        </DialogContent>
      </Dialog>
      <SecretDialog
        shown={shown}
        onClose={() => {
          setShown(null);
          refresh();
        }}
      />
    </>
  );
}
