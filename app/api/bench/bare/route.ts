import { readFile } from "node:fs/promises";

/**
 * Benchmark baseline only (`npm run bench`): the cheapest possible Next route handler, serving the
 * exact bytes of a real `/api/v1/jobs` response from the file named by KLAU_BENCH_PAYLOAD. No auth,
 * no database, so it must not exist in normal operation: without KLAU_BENCH=1 it answers 404.
 */
export const dynamic = "force-dynamic";

let payload: Promise<Uint8Array<ArrayBuffer>> | undefined;

function notFound(): Response {
  return Response.json({ error: { code: "NOT_FOUND", message: "Not found" } }, { status: 404 });
}

export async function GET(): Promise<Response> {
  const file = process.env.KLAU_BENCH_PAYLOAD;
  if (process.env.KLAU_BENCH !== "1" || !file) return notFound();
  // Read once; a failed read is not cached, so the bench can write the file after start-up.
  payload ??= readFile(file).then(
    (bytes) => new Uint8Array(bytes),
    (error: unknown) => {
      payload = undefined;
      throw error;
    },
  );
  try {
    const body = await payload;
    return new Response(body, { headers: { "content-type": "application/json" } });
  } catch {
    return notFound();
  }
}
