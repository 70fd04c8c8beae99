import { defineFallbackRoute } from "@/lib/api/define-route";

// Paths with no endpoint (yet): authenticated, tenant-checked and rate limited, then 404 NOT_FOUND.
const fallback = defineFallbackRoute();

export const GET = fallback;
export const HEAD = fallback;
export const POST = fallback;
export const PUT = fallback;
export const PATCH = fallback;
export const DELETE = fallback;
