import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/** Liveness + database reachability. Deliberately outside the API pipeline: no key, no rate limit. */
export async function GET(): Promise<Response> {
  try {
    const db = await getDb();
    await db.$queryRaw`SELECT 1`;
    return Response.json({ data: { status: "ok", database: "ok" } }, { headers: NO_STORE });
  } catch {
    return Response.json(
      { error: { code: "SERVICE_UNAVAILABLE", message: "The database cannot be reached." } },
      { status: 503, headers: NO_STORE },
    );
  }
}
