import type { BenchDatabase } from "./database";
import { runScript } from "./database";

/** The usage pages' queries at 1 M request-log rows in one tenant (usage-queries.ts), per database. */
export type UsageQueries = {
  database: string;
  rows: number;
  rollupRows: number;
  seedSeconds: number;
  queries: { query: string; ms: number }[];
};

/** Target from issue 13: each usage query ≤ 200 ms at 1 M rows on PostgreSQL. */
export const USAGE_QUERY_BUDGET_MS = 200;

/** Runs usage-queries.ts in its own process against a bench database no server holds open. */
export function runUsageQueries(database: BenchDatabase): UsageQueries {
  const out = runScript("scripts/bench/usage-queries.ts", [], database.env, 1_800_000);
  return { database: database.label, ...(JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as Omit<UsageQueries, "database">) };
}

/** The report's section: one column per database, the budget marked. */
export function usageQueriesSection(results: UsageQueries[]): string[] {
  if (results.length === 0) return [];
  const names = results[0]?.queries.map((q) => q.query) ?? [];
  const cell = (r: UsageQueries, name: string) => {
    const ms = r.queries.find((q) => q.query === name)?.ms;
    return ms === undefined ? "–" : `${ms}${ms > USAGE_QUERY_BUDGET_MS ? " ⚠" : ""}`;
  };
  return [
    `## Usage queries at ${(results[0]?.rows ?? 0).toLocaleString("en")} request-log rows in one tenant`,
    "",
    `Median of 7 calls (after one warm-up), in ms, of each query the usage, request-log and audit pages make, through the app's own functions (scripts/bench/usage-queries.ts). The rows span 30 days in the demo tenant North and are inserted with one \`INSERT … SELECT\` per 100 000 rows, so the roll-up trigger runs as in production. Target: ≤ ${USAGE_QUERY_BUDGET_MS} ms on PostgreSQL (⚠ marks a figure over it).`,
    "",
    `| Query | ${results.map((r) => r.database).join(" | ")} |`,
    `|---|${results.map(() => "---:").join("|")}|`,
    ...names.map((name) => `| ${name} | ${results.map((r) => cell(r, name)).join(" | ")} |`),
    `| *seeding the rows (s), roll-up rows (hourly)* | ${results.map((r) => `${r.seedSeconds} s, ${r.rollupRows.toLocaleString("en")}`).join(" | ")} |`,
    "",
  ];
}
