import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { CLI_ACTOR } from "@/lib/audit/types";
import { runCli } from "@/lib/cli/run";
import { getDb } from "@/lib/db/client";
import { databaseTarget } from "@/lib/db/config";
import { heldOwnership } from "@/lib/db/ownership";

/**
 * Relay for the operator CLI while this app owns the embedded database (the CLI must not open the
 * directory a second time). Authenticated by the owner token from the 0600 owner file; meaningless,
 * and absent (404), on PostgreSQL, where the CLI connects directly.
 */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const body = z.object({ argv: z.array(z.string().max(10_000)).max(100) });

function error(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** Constant-time comparison (hashing first makes the lengths equal). */
function tokenMatches(header: string | null, token: string): boolean {
  const presented = header?.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
  return presented.length > 0 && timingSafeEqual(digest(presented), digest(token));
}

function notFound(): Response {
  return error(404, "NOT_FOUND", "Not found");
}

export async function POST(request: Request): Promise<Response> {
  if (databaseTarget().kind !== "embedded") return notFound();
  const owner = heldOwnership();
  if (!owner || !tokenMatches(request.headers.get("authorization"), owner.token)) {
    return error(401, "UNAUTHORIZED", "A valid owner token is required");
  }
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return error(400, "VALIDATION_ERROR", 'Expected {"argv": string[]}');
  const db = await getDb();
  const result = await runCli(parsed.data.argv, { db, actor: CLI_ACTOR });
  return Response.json({ data: result });
}

async function refuse(): Promise<Response> {
  return databaseTarget().kind === "embedded" ? error(401, "UNAUTHORIZED", "A valid owner token is required") : notFound();
}

export const GET = refuse;
export const PUT = refuse;
export const PATCH = refuse;
export const DELETE = refuse;
