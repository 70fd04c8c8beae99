import type { BenchDatabase } from "./database";
import { runScript } from "./database";

/** Per-request costs of single pipeline steps, in microseconds (see step-costs.ts). */
export type StepCosts = {
  database: string;
  steps: { step: string; us: number }[];
};

/** Runs step-costs.ts in its own process against a bench database no server holds open. */
export function runStepCosts(database: BenchDatabase): StepCosts {
  const out = runScript("scripts/bench/step-costs.ts", [], database.env);
  const steps = JSON.parse(out.trim().split("\n").at(-1) ?? "[]") as StepCosts["steps"];
  return { database: database.label, steps };
}
