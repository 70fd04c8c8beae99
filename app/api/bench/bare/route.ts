import { benchEnabled, notFound, payloadBytes } from "../payload";

/**
 * Benchmark baseline only (`npm run bench`): the cheapest possible Next route handler, serving the
 * exact bytes of a real `/api/v1/jobs` response from the file named by KLAU_BENCH_PAYLOAD. No auth,
 * no database, so it must not exist in normal operation: without KLAU_BENCH=1 it answers 404.
 */
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  if (!benchEnabled()) return notFound();
  try {
    return new Response(await payloadBytes(), { headers: { "content-type": "application/json" } });
  } catch {
    return notFound();
  }
}
