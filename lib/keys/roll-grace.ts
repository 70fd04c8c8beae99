/** How long a rolled key keeps working next to its replacement. One list for the dialog and the server. */
export const ROLL_GRACE_PERIODS = [
  { value: "now", label: "Immediately", ms: 0 },
  { value: "1h", label: "1 hour", ms: 3_600_000 },
  { value: "24h", label: "24 hours", ms: 86_400_000 },
  { value: "7d", label: "7 days", ms: 7 * 86_400_000 },
] as const;

export type RollGrace = (typeof ROLL_GRACE_PERIODS)[number]["value"];
export const DEFAULT_ROLL_GRACE: RollGrace = "24h";
export const ROLL_GRACE_VALUES = ROLL_GRACE_PERIODS.map((p) => p.value) as [RollGrace, ...RollGrace[]];

export function graceMs(grace: RollGrace): number {
  return ROLL_GRACE_PERIODS.find((p) => p.value === grace)?.ms ?? 0;
}
