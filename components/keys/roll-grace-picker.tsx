"use client";

import { ROLL_GRACE_PERIODS, type RollGrace } from "@/lib/keys/roll-grace";

/**
 * How long a rolled key keeps working next to its replacement: one radio group for every roll
 * dialog (company keys, the operator's vendor keys), from the one list the server also checks.
 */
export function RollGracePicker({ value, onChange, disabled = false }: { value: RollGrace; onChange: (grace: RollGrace) => void; disabled?: boolean }) {
  return (
    <fieldset disabled={disabled} className="space-y-2">
      <legend className="text-sm font-medium text-zinc-900">Keep the old key working for</legend>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {ROLL_GRACE_PERIODS.map((period) => (
          <label
            key={period.value}
            className="flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm text-zinc-900 ring-1 ring-zinc-300 ring-inset has-[:checked]:bg-indigo-50 has-[:checked]:ring-indigo-600 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600"
          >
            <input
              type="radio"
              name="roll-grace"
              value={period.value}
              checked={value === period.value}
              onChange={() => onChange(period.value)}
              className="size-4 accent-indigo-600 focus:outline-none"
            />
            {period.label}
          </label>
        ))}
      </div>
      <p className="text-xs text-zinc-600">
        {value === "now"
          ? "Apps still using the old key get 401 Unauthorized from their next request."
          : "During the grace period both keys work and the list shows them linked, with the old key's last use, so you can see traffic move."}
      </p>
    </fieldset>
  );
}
