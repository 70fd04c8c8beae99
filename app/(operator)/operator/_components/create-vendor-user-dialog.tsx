"use client";

import { UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { feedback, firstError } from "@/components/partners/action-feedback";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { createVendorUserAction } from "../actions";
import { FormDialogButtons } from "@/components/ui/form-dialog-buttons";

/**
 * Create a vendor user; the generated initial password is shown once in the same dialog, which
 * then cannot be dismissed by Escape or an outside click (only by "I have saved it").
 */
export function CreateVendorUserDialog({ vendorId, vendorName }: { vendorId: string; vendorName: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<{ email: string; password: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);

  async function submit(form: FormData) {
    setPending(true);
    const result = await createVendorUserAction({ vendorId, email: String(form.get("email") ?? ""), name: String(form.get("name") ?? "") || undefined });
    setPending(false);
    const { data, fieldErrors } = feedback(result, "Vendor user created");
    setErrors(fieldErrors);
    if (data) setCreated({ email: data.email, password: data.password });
  }

  function close() {
    setOpen(false);
    setCreated(null);
    // Refresh only after the password is gone from the screen (a refetch would not bring it back).
    router.refresh();
  }

  const guard = (event: Event) => {
    if (created) event.preventDefault();
  };
  return (
    <Dialog open={open} onOpenChange={(next) => (next ? setOpen(true) : created ? undefined : setOpen(false))}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden="true" className="size-4" /> Add user
        </Button>
      </DialogTrigger>
      <DialogContent
        width="sm"
        closeButton={!created}
        onEscapeKeyDown={guard}
        onInteractOutside={guard}
        title={created ? "Initial password" : `Add a user to ${vendorName}`}
        description={
          created
            ? `Give this password to ${created.email} over a safe channel. It is shown once: after you close this dialog nobody can see it again.`
            : "The user signs in to the vendor pages with an initial password generated now."
        }
        footer={
          created ? (
            <Button onClick={close}>I have saved the password</Button>
          ) : (
            <FormDialogButtons form="create-vendor-user" pending={pending} label="Create user" pendingLabel="Creating…" onCancel={() => setOpen(false)} />
          )
        }
      >
        {created ? (
          <div className="flex items-center gap-2">
            <input
              readOnly
              value={created.password}
              aria-label={`Initial password of ${created.email}`}
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded-md border-0 bg-zinc-50 px-3 py-2 font-mono text-sm text-zinc-900 ring-1 ring-inset ring-zinc-300 focus:outline-none focus:ring-2 focus:ring-indigo-600"
            />
            <CopyButton value={created.password} label="Copy initial password" />
          </div>
        ) : (
          <form id="create-vendor-user" action={submit}>
            <fieldset disabled={pending} className="space-y-4">
              <Field id="vendor-user-email" name="email" type="email" label="Email" required autoComplete="off" error={firstError(errors, "email")} />
              <Field id="vendor-user-name" name="name" label="Name (optional)" autoComplete="off" error={firstError(errors, "name")} />
            </fieldset>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
