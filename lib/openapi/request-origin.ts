const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

function first(value: string | null): string | undefined {
  return value?.split(",")[0]?.trim() || undefined;
}

/**
 * The origin the client used, for the document's "this instance" server. Taken from the Host
 * header (Next's request.url may say localhost for 127.0.0.1), from X-Forwarded-* only behind a
 * trusted proxy, and only when it looks like a host — it is echoed into a public document.
 */
export function requestOrigin(request: Request, env: Record<string, string | undefined> = process.env): string {
  const url = new URL(request.url);
  const trusted = env.KLAU_TRUST_PROXY === "1";
  const forwardedProto = trusted ? first(request.headers.get("x-forwarded-proto")) : undefined;
  const forwardedHost = trusted ? first(request.headers.get("x-forwarded-host")) : undefined;
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : url.protocol.slice(0, -1);
  const host = [forwardedHost, first(request.headers.get("host"))].find((h) => h !== undefined && HOST.test(h)) ?? url.host;
  return `${proto}://${host}`;
}
