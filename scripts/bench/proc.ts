import { readdirSync, readFileSync } from "node:fs";

/**
 * The processes of process group `pgid` (a bench server and anything it spawned), each with the
 * fields of /proc/<pid>/stat after the parenthesised command (state ppid pgrp …). Linux only; empty elsewhere.
 */
export function groupProcesses(pgid: number): { pid: string; fields: string[] }[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const found: { pid: string; fields: string[] }[] = [];
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) found.push({ pid, fields });
    } catch {
      // The process ended meanwhile.
    }
  }
  return found;
}

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on every Linux build Node runs on). */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) used so far by the process group `pgid`; NaN where /proc is missing. */
export function groupCpuSeconds(pgid: number): number {
  const processes = groupProcesses(pgid);
  if (processes.length === 0) return Number.NaN;
  // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after the command.
  const ticks = processes.reduce((sum, p) => sum + Number(p.fields[11] ?? 0) + Number(p.fields[12] ?? 0), 0);
  return ticks / TICKS_PER_SECOND;
}
