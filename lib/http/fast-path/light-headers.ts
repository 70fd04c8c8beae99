import "server-only";
import type { IncomingHttpHeaders } from "node:http";

/**
 * A `Headers` kept as a plain map of lower-case names, for the API fast path only (esbuild `inject`,
 * scripts/build-api.mjs, like LightResponse): undici's validates and sorts on every call, and the
 * pipeline builds two per request (the request's and the answer's, about fifteen names) that the
 * adapter then copies into Node's header object. This one is read straight from Node's parsed
 * headers and written straight back (`toRaw`). Values are trimmed as undici trims them; Node's
 * `writeHead` still refuses invalid characters. Iteration keeps insertion order (undici sorts): no
 * code of ours depends on the order, and HTTP gives none.
 */
export class LightHeaders {
  private readonly map = new Map<string, string>();
  private cookies: string[] | undefined;

  constructor(init?: HeadersInit | LightHeaders | null) {
    if (!init) return;
    if (init instanceof LightHeaders) {
      for (const [name, value] of init.map) this.map.set(name, value);
      if (init.cookies) this.cookies = [...init.cookies];
    } else if (typeof (init as Iterable<unknown>)[Symbol.iterator] === "function") {
      for (const pair of init as Iterable<[string, string]>) this.append(pair[0], pair[1]);
    } else {
      const record = init as Record<string, string>;
      for (const name of Object.keys(record)) this.append(name, record[name] as string);
    }
  }

  /** Node's parsed request headers (already lower-case; repeated ones as Node joined them). */
  static fromNode(raw: IncomingHttpHeaders): LightHeaders {
    const headers = new LightHeaders();
    for (const name in raw) {
      const value = raw[name];
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      else headers.map.set(name, value);
    }
    return headers;
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const v = String(value).trim();
    if (key === "set-cookie") {
      this.cookies = [...(this.cookies ?? []), v];
      return;
    }
    const previous = this.map.get(key);
    this.map.set(key, previous === undefined ? v : `${previous}, ${v}`);
  }

  set(name: string, value: string): void {
    const key = name.toLowerCase();
    if (key === "set-cookie") this.cookies = [String(value).trim()];
    else this.map.set(key, String(value).trim());
  }

  get(name: string): string | null {
    const key = name.toLowerCase();
    if (key === "set-cookie") return this.cookies ? this.cookies.join(", ") : null;
    return this.map.get(key) ?? null;
  }

  has(name: string): boolean {
    const key = name.toLowerCase();
    return key === "set-cookie" ? this.cookies !== undefined : this.map.has(key);
  }

  delete(name: string): void {
    const key = name.toLowerCase();
    if (key === "set-cookie") this.cookies = undefined;
    else this.map.delete(key);
  }

  getSetCookie(): string[] {
    return this.cookies ? [...this.cookies] : [];
  }

  forEach(callback: (value: string, name: string, parent: LightHeaders) => void, thisArg?: unknown): void {
    for (const [name, value] of this.entries()) callback.call(thisArg, value, name, this);
  }

  *entries(): IterableIterator<[string, string]> {
    yield* this.map.entries();
    for (const cookie of this.cookies ?? []) yield ["set-cookie", cookie];
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  /**
   * Node's raw header list `[name, value, …]` (what `writeHead` takes without building an object):
   * the `base` pairs this one does not set (the adapter's static security headers), then its own.
   */
  toRaw(base: readonly string[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < base.length; i += 2) {
      const name = base[i] as string;
      if (!this.map.has(name)) out.push(name, base[i + 1] as string);
    }
    for (const [name, value] of this.map) out.push(name, value);
    for (const cookie of this.cookies ?? []) out.push("set-cookie", cookie);
    return out;
  }
}

/** The bundle's `Headers` (esbuild `inject`; see scripts/build-api.mjs). */
export { LightHeaders as Headers };
