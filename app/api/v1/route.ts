import { defineFallbackRoute } from "@/lib/api/define-route";

// The bare API root has no endpoint: answer like any unknown path (authenticated, then 404), in the envelope.
const fallback = defineFallbackRoute();

export const GET = fallback;
export const HEAD = fallback;
export const POST = fallback;
export const PUT = fallback;
export const PATCH = fallback;
export const DELETE = fallback;
