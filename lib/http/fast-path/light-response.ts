import "server-only";
import { LightHeaders } from "./light-headers";
/**
 * A `Response` that only remembers its body and init until someone needs more. undici's Response
 * builds a ReadableStream for every body (≈ 30 µs a call here, more than the whole pipeline on a
 * read-cache hit); the fast path writes a string or bytes body straight to Node's ServerResponse.
 * The gateway bundle (scripts/build-api.mjs) uses this class wherever its code says `Response`, and
 * only there: Next's half of the process keeps the global one. Anything beyond status, headers and
 * the plain body readers turns it into a real Response first (`real()`), so behaviour stays the same.
 */
const GlobalResponse = globalThis.Response;

type Body = ConstructorParameters<typeof GlobalResponse>[0];
/** Bodies the adapter writes without a stream. */
export type PlainBody = string | Uint8Array | null;

export class LightResponse {
  readonly plainBody: PlainBody | undefined;
  private readonly rawBody: Body;
  private readonly init: ResponseInit | undefined;
  private headerCache: Headers | undefined;
  private realCache: Response | undefined;

  constructor(body?: Body, init?: ResponseInit) {
    this.rawBody = body ?? null;
    this.init = init;
    const b = this.rawBody;
    this.plainBody = b === null || typeof b === "string" || b instanceof Uint8Array ? b : undefined;
  }

  static json(data: unknown, init?: ResponseInit): LightResponse {
    const headers = new LightHeaders(init?.headers as HeadersInit | LightHeaders | undefined);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
    return new LightResponse(JSON.stringify(data), { ...init, headers: headers as unknown as Headers });
  }

  static error(): Response {
    return GlobalResponse.error();
  }

  static redirect(url: string | URL, status?: number): Response {
    return GlobalResponse.redirect(url, status);
  }

  /** The equivalent undici Response (built once, on first use of anything but the basics). */
  real(): Response {
    if (!this.realCache) {
      if (this.bodyTaken) throw new TypeError("Body is unusable: Body has already been read");
      this.realCache = new GlobalResponse(this.rawBody, {
        status: this.status,
        statusText: this.statusText,
        headers: [...(this.headers as unknown as LightHeaders)],
      });
    }
    return this.realCache;
  }

  private bodyTaken = false;

  private takePlain(): PlainBody {
    if (this.realCache || this.plainBody === undefined) return undefined as never;
    if (this.bodyTaken) throw new TypeError("Body is unusable: Body has already been read");
    this.bodyTaken = true;
    return this.plainBody;
  }

  get status(): number {
    return this.init?.status ?? 200;
  }
  get statusText(): string {
    return this.init?.statusText ?? "";
  }
  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }
  get headers(): Headers {
    if (!this.headerCache) {
      const given = this.init?.headers;
      // The pipeline's own LightHeaders (the bundle's Headers) is kept as is: the adapter writes it out directly.
      this.headerCache = given instanceof LightHeaders ? (given as unknown as Headers) : (new LightHeaders(given) as unknown as Headers);
    }
    return this.headerCache;
  }
  get type(): ResponseType {
    return "default";
  }
  get url(): string {
    return "";
  }
  get redirected(): boolean {
    return false;
  }
  get body(): ReadableStream<Uint8Array> | null {
    return this.real().body;
  }
  get bodyUsed(): boolean {
    return this.realCache ? this.realCache.bodyUsed : this.bodyTaken;
  }

  async text(): Promise<string> {
    if (this.realCache || this.plainBody === undefined) return this.real().text();
    const body = this.takePlain();
    return body === null ? "" : typeof body === "string" ? body : new TextDecoder().decode(body);
  }
  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.real().arrayBuffer();
  }
  async blob(): Promise<Blob> {
    return this.real().blob();
  }
  async formData(): Promise<FormData> {
    return this.real().formData();
  }
  async bytes(): Promise<Uint8Array> {
    return new Uint8Array(await this.real().arrayBuffer());
  }
  clone(): Response {
    return this.real().clone();
  }
}

// `instanceof Response` holds for it, as for the Responses it stands in for.
Object.setPrototypeOf(LightResponse.prototype, GlobalResponse.prototype);
Object.setPrototypeOf(LightResponse, GlobalResponse);

/** The bundle's `Response` (esbuild `inject`; see scripts/build-api.mjs). */
export { LightResponse as Response };
