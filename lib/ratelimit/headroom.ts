import "server-only";
import type { Headroom } from "@/lib/request-log/usage-schema";
import type { Limiter } from "./limit";

export const HEADROOM_WARNING_RATIO = 0.8;

/**
 * Each identity's use of its current window, read from the rate-limit store without taking a point
 * (rate-limiter-flexible's `get`). An identity with no request in the window has used nothing.
 */
export async function headroomOf({ limiter, policy }: Limiter, identities: readonly string[], now = Date.now()): Promise<Headroom[]> {
  return Promise.all(
    identities.map(async (identity) => {
      const state = await limiter.get(identity);
      const used = Math.min(policy.points, state?.consumedPoints ?? 0);
      return {
        identity,
        limit: policy.points,
        used,
        remaining: policy.points - used,
        resetsAt: state ? new Date(now + state.msBeforeNext).toISOString() : null,
        warning: used > policy.points * HEADROOM_WARNING_RATIO,
      };
    }),
  );
}
