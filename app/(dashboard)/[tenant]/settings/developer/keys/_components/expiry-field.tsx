"use client";

import { cn } from "@/components/ui/cn";
import { dayString, EXPIRY_PRESET_DAYS, expiryProblem, type KeyExpiry } from "@/lib/keys/expiry";

export type ExpiryChoice = { option: "30" | "90" | "365" | "date" | "never"; date: string };

export function expiryOf(choice: ExpiryChoice): KeyExpiry {
  if (choice.option === "never") return { kind: "never" };
  if (choice.option === "date") return { kind: "date", date: choice.date };
  return { kind: "days", days: Number(choice.option) };
}

/** 90 days, or the longest preset the tenant's maximum allows. */
export function defaultExpiry(maxDays: number | null): ExpiryChoice {
  const allowed = EXPIRY_PRESET_DAYS.filter((d) => maxDays === null || d <= maxDays);
  const days = allowed.includes(90) ? 90 : allowed.at(-1);
  return days ? { option: String(days) as ExpiryChoice["option"], date: "" } : { option: "date", date: "" };
}

/**
 * When the key stops working: 30 / 90 / 365 days, a date, or never. Choices the tenant's maximum
 * key lifetime forbids are disabled with the reason (the server refuses them too).
 */
export function ExpiryField({
  value,
  onChange,
  maxDays,
  error,
}: {
  value: ExpiryChoice;
  onChange: (next: ExpiryChoice) => void;
  maxDays: number | null;
  error?: string;
}) {
  const options: { option: ExpiryChoice["option"]; label: string }[] = [
    ...EXPIRY_PRESET_DAYS.map((d) => ({ option: String(d) as ExpiryChoice["option"], label: `${d} days` })),
    { option: "date", label: "Custom date" },
    { option: "never", label: "Never" },
  ];
  const today = dayString(new Date());
  const latest = maxDays ? dayString(new Date(Date.now() + maxDays * 86_400_000)) : undefined;
  return (
    <fieldset className="space-y-2" aria-describedby={error ? "expiry-error" : maxDays ? "expiry-max" : undefined}>
      <legend className="text-sm font-medium text-zinc-900">Expires</legend>
      <div className="flex flex-wrap gap-2">
        {options.map(({ option, label }) => {
          const blocked = option !== "date" && expiryProblem(expiryOf({ option, date: "" }), maxDays) !== null;
          return (
            <label
              key={option}
              className={cn(
                "flex items-center gap-2 rounded-md px-3 py-1.5 text-sm ring-1 ring-inset has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600",
                value.option === option ? "bg-indigo-50 ring-indigo-600" : "ring-zinc-300",
                blocked ? "cursor-not-allowed text-zinc-500" : "cursor-pointer text-zinc-900",
              )}
            >
              <input
                type="radio"
                name="key-expiry"
                value={option}
                checked={value.option === option}
                disabled={blocked}
                onChange={() => onChange({ ...value, option })}
                className="size-4 accent-indigo-600 focus:outline-none"
              />
              {label}
            </label>
          );
        })}
      </div>
      {value.option === "date" ? (
        <div className="space-y-1">
          <label htmlFor="key-expiry-date" className="block text-sm text-zinc-700">
            Expires at the end of (UTC)
          </label>
          <input
            id="key-expiry-date"
            type="date"
            required
            min={today}
            max={latest}
            value={value.date}
            onChange={(e) => onChange({ ...value, date: e.target.value })}
            className="block rounded-md border-0 px-3 py-1.5 text-sm text-zinc-900 shadow-xs ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-600 focus:outline-none"
          />
        </div>
      ) : null}
      {maxDays ? (
        <p id="expiry-max" className="text-xs text-zinc-600">
          This company allows keys to live at most {maxDays} days, so “Never” and longer choices are not available.
        </p>
      ) : null}
      {error ? (
        <p id="expiry-error" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
