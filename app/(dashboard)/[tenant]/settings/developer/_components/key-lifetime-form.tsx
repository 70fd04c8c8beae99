"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { unwrap } from "@/components/actions/action-result";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { setKeyLifetimeAction } from "../actions";

const CHOICES = [null, 7, 30, 90, 180, 365] as const;

function label(days: number | null): string {
  return days === null ? "No maximum" : `${days} days`;
}

/**
 * The tenant's maximum key lifetime. New keys may not outlive it ("Never" included); keys that
 * exist keep their expiry. The server enforces it on every key creation.
 */
export function KeyLifetimeForm({ tenantId, value }: { tenantId: string; value: number | null }) {
  const router = useRouter();
  const [choice, setChoice] = useState<string>(value === null ? "" : String(value));
  const options = CHOICES.includes(value as (typeof CHOICES)[number]) ? CHOICES : [...CHOICES, value];
  const save = useMutation({
    mutationFn: async () => unwrap(await setKeyLifetimeAction({ tenantId, maxKeyLifetimeDays: choice === "" ? null : Number(choice) })),
    onSuccess: (saved) => {
      toast.success(`Maximum key lifetime: ${label(saved.maxKeyLifetimeDays).toLowerCase()}`);
      router.refresh();
    },
    onError: (error) => toast.error(error.message),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
      <div className="space-y-1">
        <label htmlFor="max-key-lifetime" className="block text-sm font-medium text-zinc-900">
          Maximum key lifetime
        </label>
        <select
          id="max-key-lifetime"
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          disabled={save.isPending}
          aria-describedby="max-key-lifetime-hint"
          className="block rounded-md border-0 bg-white py-2 pr-8 pl-3 text-sm text-zinc-900 shadow-xs ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-600 focus:outline-none"
        >
          {options.map((days) => (
            <option key={days ?? "none"} value={days === null ? "" : String(days)}>
              {label(days)}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary" disabled={save.isPending || choice === (value === null ? "" : String(value))}>
        {save.isPending ? "Saving…" : "Save"}
      </Button>
      <p id="max-key-lifetime-hint" className="basis-full text-xs text-zinc-600">
        New keys must expire within this many days; “never expires” is not allowed while a maximum is set. Existing keys keep their expiry.
      </p>
    </form>
  );
}
