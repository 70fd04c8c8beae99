import { getDb } from "@/lib/db/client";
import { rateLimitStatus } from "@/lib/ratelimit/limit";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * Liveness + database reachability + the rate-limit store. Deliberately outside the API pipeline:
 * no key, no rate limit. 503 when the database cannot be reached. A degraded rate-limit store
 * (Redis down, counting on its fallback) keeps 200 with `status: "degraded"`: the instance still
 * serves, and every instance shares that Redis, so a load balancer must not take them all out.
 */
export async function GET(): Promise<Response> {
  try {
    const db = await getDb();
    await db.$queryRaw`SELECT 1`;
    const ratelimit = await rateLimitStatus();
    const status = ratelimit.degraded ? "degraded" : "ok";
    return Response.json({ data: { status, database: "ok", ratelimit } }, { headers: NO_STORE });
  } catch {
    return Response.json({ error: { code: "SERVICE_UNAVAILABLE", message: "The database cannot be reached." } }, { status: 503, headers: NO_STORE });
  }
}
