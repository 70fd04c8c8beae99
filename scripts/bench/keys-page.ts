import { gzipSync } from "node:zlib";
import { DEMO } from "@/lib/db/demo";
import { runScript } from "./database";
import { signInNorthAdmin } from "./sign-in";

/**
 * Settings → Developer → API keys at 1 000 keys in the tenant (issue 10's budget: server render
 * ≤ 100 ms, first-load JS ≤ 200 kB gzipped): the page's HTML response time for a signed-in admin,
 * and the gzipped size of the scripts the HTML loads.
 */
export const PAGE_KEYS = 1000;
const WARMUP = 5;
const SAMPLES = 30;

export type PageFigures = { database: string; keys: number; samples: number; p50Ms: number; p95Ms: number; firstLoadJsKb: number; scripts: number };

/** Before the server starts (it may own the embedded database afterwards). */
export function seedPageKeys(env: Record<string, string>): void {
  runScript("scripts/bench/seed-page-keys.ts", [String(PAGE_KEYS)], env);
}

async function timedGet(url: string, cookie: string): Promise<{ ms: number; html: string }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url} → ${response.status}`);
  return { ms: performance.now() - started, html };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;
}

export async function measureKeysPage(database: string, base: string): Promise<PageFigures> {
  const cookie = await signInNorthAdmin(base, "keys page bench");
  const url = `${base}/${DEMO.companies.north.id}/settings/developer/keys`;
  let html = "";
  for (let i = 0; i < WARMUP; i++) html = (await timedGet(url, cookie)).html;
  if (!html.includes("Bench page key")) throw new Error("keys page bench: the page does not list the seeded keys");
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) times.push((await timedGet(url, cookie)).ms);
  times.sort((a, b) => a - b);
  // What a browser downloads: every script tag but `nomodule` ones (Next's legacy polyfills, 38.7 kB
  // gzipped, which browsers with ES modules — all that Next 16 supports — skip without fetching).
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"[^>]*>/g)].filter((m) => !/\snomodule(=|\s|>)/i.test(m[0]));
  const scripts = [...new Set(tags.map((m) => m[1] ?? ""))].filter(Boolean);
  let bytes = 0;
  for (const src of scripts) {
    const response = await fetch(new URL(src, base));
    bytes += gzipSync(Buffer.from(await response.arrayBuffer())).byteLength;
  }
  return {
    database,
    keys: PAGE_KEYS,
    samples: SAMPLES,
    p50Ms: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    firstLoadJsKb: bytes / 1024,
    scripts: scripts.length,
  };
}

/** The report's section for the page. */
export const KEYS_PAGE_HEADING = "## Settings → Developer → API keys page";

export function keysPageSection(pages: PageFigures[]): string[] {
  if (pages.length === 0) return [];
  return [
    KEYS_PAGE_HEADING,
    "",
    `The page as a signed-in North admin sees it, with ${PAGE_KEYS} more keys in the tenant (seeded before the server starts; every tenth revoked, so the default list pages through 900). Server render: the HTML response time of \`GET /{tenant}/settings/developer/keys\` (session check, first page of 25 keys with their count, layout), ${WARMUP} warm-up requests then ${SAMPLES} sequential ones. First-load JS: every script the HTML loads (not the \`nomodule\` polyfills, which module-capable browsers never fetch), each gzipped (level 6). Budget (issue 10): ≤ 100 ms and ≤ 200 kB.`,
    "",
    "| Database | Keys in tenant | Server render p50 ms | p95 ms | First-load JS (gzipped) | Scripts |",
    "|---|---:|---:|---:|---:|---:|",
    ...pages.map((p) => `| ${p.database} | ${p.keys} | ${p.p50Ms.toFixed(1)} | ${p.p95Ms.toFixed(1)} | ${p.firstLoadJsKb.toFixed(1)} kB | ${p.scripts} |`),
    "",
  ];
}
