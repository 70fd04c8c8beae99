import { defaultDeps } from "@/lib/api/default-deps";
import { handleLeakedKeyReport, leakedKeyMethodsNotAllowed } from "@/lib/api/revoke-leaked";

// Public on purpose (no API key): whoever holds a leaked secret may revoke it. See lib/api/revoke-leaked.ts.
export const POST = (request: Request) => handleLeakedKeyReport(request, defaultDeps);
export const { GET, PUT, PATCH, DELETE } = leakedKeyMethodsNotAllowed();
