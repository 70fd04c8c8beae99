import "server-only";
import { config, type Env } from "@/lib/config";

/**
 * For the crash tests only: with KLAU_TEST_CRASH_AFTER_WRITE=1 the process kills itself (SIGKILL,
 * as `kill -9` would) right after an idempotent write's handler ran and before its transaction
 * commits — the moment where, with the write and the record completed in separate statements, a
 * crash left a committed write with an unfinished record (issue 8). Unset: no hook at all.
 */
export function crashHookFromEnv(env?: Env): (() => void) | undefined {
  if (!config(env).crashAfterWrite) return undefined;
  return () => {
    process.kill(process.pid, "SIGKILL");
  };
}
