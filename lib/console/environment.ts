import "server-only";
import { getAuthSecret } from "@/lib/auth/secret";
import { openApiDocument } from "@/lib/openapi/document";
import { type ConsoleGroup, consoleCatalog } from "./catalog";
import type { ConsoleEnvironment } from "./run";
import { internalOrigin } from "./target";

/** What a console call needs from the running server: the signing secret and this app's own address. */
export function consoleEnvironment(clientIp: string | null, tenantId: string | null): ConsoleEnvironment {
  return { secret: getAuthSecret(), origin: internalOrigin(), clientIp, tenantId };
}

let catalog: { day: string; groups: ConsoleGroup[] } | undefined;

/** The endpoint catalog from the API's OpenAPI document, built once a day (examples use today's date). */
export function todaysConsoleCatalog(now = new Date()): ConsoleGroup[] {
  const day = now.toISOString().slice(0, 10);
  if (catalog?.day !== day) catalog = { day, groups: consoleCatalog(openApiDocument(), day) };
  return catalog.groups;
}
