"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { feedback, firstError } from "@/components/partners/action-feedback";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { createVendorAction } from "../actions";
import { FormDialogButtons } from "@/components/ui/form-dialog-buttons";

export function CreateVendorDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);

  async function submit(form: FormData) {
    setPending(true);
    const result = await createVendorAction({ name: String(form.get("name") ?? "") });
    setPending(false);
    const { data, fieldErrors } = feedback(result, "Vendor account created");
    setErrors(fieldErrors);
    if (!data) return;
    setOpen(false);
    router.push(`/operator/vendors/${data.id}`);
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden="true" className="size-4" /> Create vendor
        </Button>
      </DialogTrigger>
      <DialogContent
        width="sm"
        title="Create a vendor account"
        description="A platform integrator. Add its users and keys next; it acts for a hauler only after that hauler approves."
        footer={<FormDialogButtons form="create-vendor" pending={pending} label="Create vendor" pendingLabel="Creating…" onCancel={() => setOpen(false)} />}
      >
        <form id="create-vendor" action={submit}>
          <fieldset disabled={pending}>
            <Field id="vendor-name" name="name" label="Vendor name" required maxLength={200} error={firstError(errors, "name")} />
          </fieldset>
        </form>
      </DialogContent>
    </Dialog>
  );
}
