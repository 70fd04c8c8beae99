import { readFile } from "node:fs/promises";
import { config } from "@/lib/config";

/**
 * The bench payload (`KLAU_BENCH_PAYLOAD`): the exact bytes of a real `/api/v1/jobs` response, which
 * the bench writes after the server has started. Read once; a failed read is not cached, so a route
 * answers 404 until the file exists and serves it afterwards.
 */
export function benchEnabled(): boolean {
  return config().bench.enabled;
}

let bytes: Promise<Uint8Array<ArrayBuffer>> | undefined;

export function payloadBytes(): Promise<Uint8Array<ArrayBuffer>> {
  const file = config().bench.payloadFile;
  if (!file) return Promise.reject(new Error("KLAU_BENCH_PAYLOAD is not set"));
  bytes ??= readFile(file).then(
    (content) => new Uint8Array(content),
    (error: unknown) => {
      bytes = undefined;
      throw error;
    },
  );
  return bytes;
}

export function notFound(): Response {
  return Response.json({ error: { code: "NOT_FOUND", message: "Not found" } }, { status: 404 });
}
