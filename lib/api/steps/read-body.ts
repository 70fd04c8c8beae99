import "server-only";
import { byteLabel, MAX_BODY_BYTES } from "@/lib/validation/body-limit";
import { ApiError } from "../errors";
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

function tooLarge(limit: number): ApiError {
  return new ApiError("PAYLOAD_TOO_LARGE", `The request body exceeds ${byteLabel(limit)}`);
}

/**
 * The raw body as text, at most `limit` bytes. The declared Content-Length is checked first (no
 * reading at all), then the streamed size (a missing or lying header cannot get past the limit).
 */
export async function readBody(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  try {
    return strictUtf8.decode(Buffer.concat(chunks));
  } catch {
    // JSON must be UTF-8 (RFC 8259): invalid bytes are refused, not silently replaced by U+FFFD.
    throw new ApiError("INVALID_JSON", "The request body is not valid UTF-8");
  }
}
