import type { Outcome } from "@/lib/request-log/outcomes";

/**
 * Chart colours: each has at least 3:1 contrast on white (WCAG 1.4.11 for graphics) and they differ
 * in lightness as well as hue, so the series stay apart for colour-blind readers; the table view
 * and legends name every series in text.
 */
export const OUTCOME_COLOURS: Record<Outcome, string> = {
  "2xx": "#047857", // emerald-700
  "4xx": "#b45309", // amber-700
  "429": "#6d28d9", // violet-700
  "5xx": "#b91c1c", // red-700
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  "2xx": "Success (2xx)",
  "4xx": "Client error (4xx)",
  "429": "Rate limited (429)",
  "5xx": "Server error (5xx)",
};

export const LATENCY_COLOURS = { p50Ms: "#1d4ed8", p95Ms: "#be185d" } as const; // blue-700, pink-700
export const BAR_COLOUR = "#3f3f46"; // zinc-700
