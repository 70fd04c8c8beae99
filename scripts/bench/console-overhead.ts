// The console's added server time (issue 12): the same GET through the console's server action, as a
// signed-in user with a console session, and straight to the API with a key, one call at a time.
import { CONSOLE_SEND_URL } from "@/lib/console/call";
import { DEMO } from "@/lib/db/demo";
import { signInNorthAdmin } from "./sign-in";

export type ConsoleOverhead = {
  database: string;
  samples: number;
  /** Medians and 90th percentiles of the client's round trip, in ms. */
  direct: { p50: number; p90: number };
  console: { p50: number; p90: number };
  /** The API call as the console's server action timed it (its own HTTP request to /api/v1). */
  inner: { p50: number; p90: number };
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const value = sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
  return Math.round(value * 100) / 100;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/**
 * `samples` interleaved pairs (after a warm-up): the server action as the console page posts it
 * (As me, GET `jobsPath`), then the same GET with `directKey`. Both answered from the read cache,
 * so the difference is the console's own work: the action's session and tenant checks, minting the
 * credential, the loopback HTTP hop and the action's response.
 */
export async function measureConsoleOverhead(input: {
  database: string;
  base: string;
  directKey: string;
  jobsPath: string;
  samples: number;
}): Promise<ConsoleOverhead> {
  const { base, directKey, jobsPath, samples } = input;
  const tenantId = DEMO.companies.north.id;
  const cookie = await signInNorthAdmin(base, "console bench");
  const viaConsole = async () => {
    // As the console page posts it (components/console/send-console-call.ts), from the app's own origin.
    const response = await fetch(`${base}${CONSOLE_SEND_URL.tenant}`, {
      method: "POST",
      headers: { cookie, origin: new URL(base).origin, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ tenantId, call: { method: "GET", path: jobsPath }, identity: { type: "session", scopes: ["read:all"] } }),
    });
    const text = await response.text();
    const result = JSON.parse(text) as { ok: boolean; data?: { status: number; durationMs: number } };
    if (result.data?.status !== 200) throw new Error(`console bench: the console answered ${response.status}: ${text.slice(0, 300)}`);
    return result.data.durationMs;
  };
  const direct = async () => {
    const response = await fetch(`${base}${jobsPath}`, { headers: { authorization: `Bearer ${directKey}` } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`console bench: direct call answered ${response.status}`);
  };
  for (let i = 0; i < 20; i++) {
    await viaConsole();
    await direct();
  }
  const consoleMs: number[] = [];
  const innerMs: number[] = [];
  const directMs: number[] = [];
  for (let i = 0; i < samples; i++) {
    const c = await timed(viaConsole);
    consoleMs.push(c.ms);
    innerMs.push(c.value);
    directMs.push((await timed(direct)).ms);
  }
  const stats = (v: number[]) => ({ p50: percentile(v, 50), p90: percentile(v, 90) });
  return { database: input.database, samples, direct: stats(directMs), console: stats(consoleMs), inner: stats(innerMs) };
}

/** The report's section: added = console round trip − direct round trip (both on loopback). */
export function consoleOverheadSection(results: ConsoleOverhead[]): string[] {
  if (results.length === 0) return [];
  const rows = results.map((r) => {
    const added = Math.round((r.console.p50 - r.direct.p50) * 100) / 100;
    return `| ${r.database} | ${r.samples} | ${r.direct.p50} / ${r.direct.p90} | ${r.console.p50} / ${r.console.p90} | ${r.inner.p50} / ${r.inner.p90} | **${added}** |`;
  });
  return [
    "## Console overhead (one call at a time, ms)",
    "",
    "The console (Settings → Developer → Console) posts each call to its route (`/api/console/tenant`: the authorized action served as JSON, on the API fast path), which sends it to this app's own `/api/v1` over HTTP. Measured by `scripts/bench/console-overhead.ts` against the production server (`scripts/server.mjs`): North's admin signed in, `GET /api/v1/jobs?date=2026-03-15` as *As me* (a console session) posted exactly as the page posts it, interleaved with the same GET sent directly with a key, one call at a time after a warm-up of 20 pairs. *Added* is the median console round trip minus the median direct round trip: the session and tenant checks (one database round trip), the console credential (cached per session), the extra loopback hop and the route's JSON answer. *Inner* is the API call as the route timed it. Target: ≤ 10 ms.",
    "",
    "| Database | Calls | Direct p50 / p90 | Console p50 / p90 | Inner p50 / p90 | Added (p50) |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
  ];
}
