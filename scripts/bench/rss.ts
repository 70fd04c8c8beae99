import { readFileSync } from "node:fs";
import { groupProcesses } from "./proc";

/** Resident memory (MB) of every process in the process group `pgid` (a server and anything it spawned). Linux only; 0 elsewhere. */
export function groupRssMb(pgid: number): number {
  let kb = 0;
  for (const { pid } of groupProcesses(pgid)) {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      kb += Number(rss?.[1] ?? 0);
    } catch {
      // The process ended meanwhile.
    }
  }
  return kb / 1024;
}

/** Samples the peak RSS of some process groups until stopped. */
export function sampleRss(groups: Record<string, number>, everyMs = 500): { stop(): Record<string, number> } {
  const peak: Record<string, number> = Object.fromEntries(Object.keys(groups).map((k) => [k, 0]));
  const timer = setInterval(() => {
    for (const [name, pgid] of Object.entries(groups)) peak[name] = Math.max(peak[name] ?? 0, groupRssMb(pgid));
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
