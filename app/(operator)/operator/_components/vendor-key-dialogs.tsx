"use client";

import { KeyRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { RollGracePicker } from "@/components/keys/roll-grace-picker";
import { SecretDialog, type ShownSecret } from "@/components/keys/secret-dialog";
import { feedback, firstError } from "@/components/partners/action-feedback";
import { ScopePicker } from "@/components/scopes/scope-picker";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { DEFAULT_ROLL_GRACE, type RollGrace } from "@/lib/keys/roll-grace";
import { createVendorKeyAction, rollVendorKeyAction } from "../actions";

const EXPIRY = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "", label: "Never" },
] as const;

/**
 * Create a vendor key with the same scope picker and show-once dialog as direct keys. The page is
 * refreshed only after the secret dialog closes (a refresh while it is open could remount it).
 */
export function CreateVendorKeyDialog({ vendorId, vendorName }: { vendorId: string; vendorName: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [scopes, setScopes] = useState<string[]>(["read:all"]);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);
  const [shown, setShown] = useState<ShownSecret | null>(null);

  async function submit(form: FormData) {
    setPending(true);
    const days = String(form.get("expiresInDays") ?? "");
    const result = await createVendorKeyAction({
      vendorId,
      name: String(form.get("name") ?? ""),
      scopes,
      expiry: days ? { kind: "days", days: Number(days) } : undefined,
    });
    setPending(false);
    const { data, fieldErrors } = feedback(result, "Vendor key created");
    setErrors(fieldErrors);
    if (!data) return;
    setOpen(false);
    setShown({ secret: data.key, name: data.name });
  }

  return (
    <>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (next) {
            setScopes(["read:all"]);
            setErrors({});
          }
        }}
      >
        <DialogTrigger asChild>
          <Button>
            <KeyRound aria-hidden="true" className="size-4" /> Create key
          </Button>
        </DialogTrigger>
        <DialogContent
          width="xl"
          title={`Create a vendor key for ${vendorName}`}
          description="The key acts for a hauler only within what that hauler granted, and only within these scopes."
          footer={
            <>
              <Button variant="secondary" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" form="create-vendor-key" disabled={pending}>
                {pending ? "Creating…" : "Create key"}
              </Button>
            </>
          }
        >
          <form id="create-vendor-key" action={submit}>
            <fieldset disabled={pending} className="space-y-5">
              <Field id="vendor-key-name" name="name" label="Name" required maxLength={64} autoComplete="off" error={firstError(errors, "name")} />
              <ScopePicker value={scopes} onChange={setScopes} legend="Scopes" error={firstError(errors, "scopes")} />
              <div className="space-y-1.5">
                <label htmlFor="vendor-key-expiry" className="block text-sm font-medium text-zinc-900">
                  Expires after
                </label>
                <select
                  id="vendor-key-expiry"
                  name="expiresInDays"
                  defaultValue="90"
                  className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 focus:outline-none focus:ring-2 focus:ring-inset focus:ring-indigo-600 sm:w-48"
                >
                  {EXPIRY.map((e) => (
                    <option key={e.label} value={e.value}>
                      {e.label}
                    </option>
                  ))}
                </select>
              </div>
            </fieldset>
          </form>
        </DialogContent>
      </Dialog>
      <SecretDialog
        shown={shown}
        onClose={() => {
          setShown(null);
          router.refresh();
        }}
        description={`Give it to ${vendorName} over a safe channel. Nobody can see it again after this dialog closes.`}
      />
    </>
  );
}

/**
 * Roll: a new secret for the same name and scopes; the old key keeps working for the chosen grace
 * period (the same choice, default and server rule as a company's keys).
 */
export function RollVendorKey({ keyId, name, vendorName }: { keyId: string; name: string; vendorName: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [grace, setGrace] = useState<RollGrace>(DEFAULT_ROLL_GRACE);
  const [pending, setPending] = useState(false);
  const [shown, setShown] = useState<ShownSecret | null>(null);

  async function roll() {
    setPending(true);
    const result = await rollVendorKeyAction({ keyId, grace });
    setPending(false);
    const { data } = feedback(result, `Key “${name}” rolled`);
    if (!data) return;
    setOpen(false);
    setShown({ secret: data.key, name: data.name });
  }

  return (
    <>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          if (pending) return;
          setOpen(next);
          if (next) setGrace(DEFAULT_ROLL_GRACE);
        }}
      >
        <DialogTrigger asChild>
          <Button variant="secondary">
            Roll<span className="sr-only"> {name}</span>
          </Button>
        </DialogTrigger>
        <DialogContent
          title={`Roll ${vendorName}'s key “${name}”`}
          description="A new secret with the same name and scopes is shown once. The old secret stops working when the grace period ends."
          footer={
            <>
              <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
                Cancel
              </Button>
              <Button onClick={roll} disabled={pending}>
                {pending ? "Rolling…" : "Roll key"}
              </Button>
            </>
          }
        >
          <RollGracePicker value={grace} onChange={setGrace} disabled={pending} />
        </DialogContent>
      </Dialog>
      <SecretDialog
        shown={shown}
        onClose={() => {
          setShown(null);
          router.refresh();
        }}
        description={`Give it to ${vendorName} over a safe channel. Nobody can see it again after this dialog closes.`}
      />
    </>
  );
}
