export const OUTCOMES = ["2xx", "4xx", "429", "5xx"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** 429 is its own outcome (how close to the limit); 3xx counts as success (the API sends none). */
export function outcomeOf(status: number): Outcome {
  if (status === 429) return "429";
  if (status >= 500) return "5xx";
  if (status >= 400) return "4xx";
  return "2xx";
}
