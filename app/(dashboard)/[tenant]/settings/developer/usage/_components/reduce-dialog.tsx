"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import type { ActionOutcome } from "@/components/actions/action-result";

type Props = {
  tenantId: string;
  id: string;
  subject: string;
  granted: string[];
  suggested: string[];
  action: (input: { tenantId: string; id: string; scopes: string[] }) => Promise<ActionOutcome<unknown>>;
};

/** Shows the scope diff (kept / removed) and applies it; the server re-checks that it is still the suggestion. */
export function ReduceDialog({ tenantId, id, subject, granted, suggested, action }: Props) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const removed = granted.filter((s) => !suggested.includes(s));
  const added = suggested.filter((s) => !granted.includes(s)); // wildcards expressed as explicit scopes

  function apply() {
    startTransition(async () => {
      const result = await action({ tenantId, id, scopes: suggested });
      if (!result.ok) {
        toast.error(result.error.message);
        return;
      }
      toast.success(`${subject} now has ${suggested.join(", ")}`);
      setOpen(false);
      router.refresh();
    });
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">Reduce to used scopes</Button>
      </DialogTrigger>
      <DialogContent
        title={`Reduce ${subject} to used scopes`}
        description="Takes effect on the next request. Requests that need a removed scope will get 403 INSUFFICIENT_SCOPE."
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
            <Button onClick={apply} disabled={pending}>
              {pending ? "Applying…" : `Keep ${suggested.length} scope${suggested.length === 1 ? "" : "s"}`}
            </Button>
          </>
        }
      >
        <dl className="space-y-3 text-sm">
          <div>
            <dt className="font-medium text-zinc-900">Keep</dt>
            <dd>
              <ul className="mt-1 flex flex-wrap gap-1.5" aria-label="Scopes kept">
                {suggested.map((s) => (
                  <li key={s} className="rounded bg-emerald-50 px-1.5 py-0.5 font-mono text-xs text-emerald-800 ring-1 ring-emerald-600/20">
                    {added.includes(s) ? `+ ${s}` : s}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
          <div>
            <dt className="font-medium text-zinc-900">Remove</dt>
            <dd>
              <ul className="mt-1 flex flex-wrap gap-1.5" aria-label="Scopes removed">
                {removed.map((s) => (
                  <li key={s} className="rounded bg-red-50 px-1.5 py-0.5 font-mono text-xs text-red-800 line-through ring-1 ring-red-600/20">
                    {s}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        </dl>
      </DialogContent>
    </Dialog>
  );
}
