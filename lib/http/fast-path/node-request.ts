import "server-only";
import { LightHeaders } from "./light-headers";
import type { IncomingMessage } from "node:http";

/**
 * A `Request` over Node's IncomingMessage that builds only what the pipeline reads: method, url,
 * headers (a Headers from Node's parsed headers, ≈ 1 µs) and, for writes, the body as a stream.
 * undici's own Request costs ≈ 12 µs to construct; anything else (clone, formData, …) builds one.
 * Node's parsed headers are also what Next hands its route handlers (repeated singleton headers
 * such as Authorization are dropped by Node's parser on both paths alike).
 */
const GlobalRequest = globalThis.Request;

/** After a refusal (413), the rest of a body is read and dropped up to this much, then the connection is cut. */
const DRAIN_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * The body as a web stream. Unlike `Readable.toWeb`, cancelling it (the pipeline does at its 1 MB
 * limit) does not destroy the socket: the rest is drained so that the 413 reaches a client that is
 * still sending, as Next does, and only a client sending far more than that loses the connection.
 */
function bodyStream(incoming: IncomingMessage): ReadableStream<Uint8Array> {
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        incoming.on("data", (chunk: Buffer) => {
          if (cancelled) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) incoming.pause();
        });
        incoming.once("end", () => {
          if (!cancelled) controller.close();
        });
        incoming.once("error", (error) => {
          if (!cancelled) controller.error(error);
        });
        incoming.once("close", () => {
          if (!cancelled && !incoming.complete) controller.error(new Error("The client closed the connection before sending the whole body"));
        });
        incoming.pause();
      },
      pull() {
        incoming.resume();
      },
      cancel() {
        cancelled = true;
        let drained = 0;
        incoming.on("data", (chunk: Buffer) => {
          drained += chunk.byteLength;
          if (drained > DRAIN_LIMIT_BYTES) incoming.socket?.destroy();
        });
        incoming.resume();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}

export class NodeRequest {
  private headerCache: Headers | undefined;
  private streamCache: ReadableStream<Uint8Array> | null | undefined;
  private realCache: Request | undefined;
  private abort: AbortController | undefined;

  constructor(
    readonly incoming: IncomingMessage,
    readonly url: string,
  ) {}

  get method(): string {
    return this.incoming.method ?? "GET";
  }

  get headers(): Headers {
    this.headerCache ??= LightHeaders.fromNode(this.incoming.headers) as unknown as Headers;
    return this.headerCache;
  }

  /** The body as a web stream (null for GET and HEAD, like fetch's Request). */
  get body(): ReadableStream<Uint8Array> | null {
    if (this.streamCache === undefined) {
      this.streamCache = this.method === "GET" || this.method === "HEAD" ? null : bodyStream(this.incoming);
    }
    return this.streamCache;
  }

  get bodyUsed(): boolean {
    return this.streamCache ? this.streamCache.locked : false;
  }

  /** Aborted when the client goes away before the answer is sent. */
  get signal(): AbortSignal {
    if (!this.abort) {
      const controller = new AbortController();
      this.abort = controller;
      this.incoming.once("close", () => {
        if (!this.incoming.complete || this.incoming.socket?.destroyed) controller.abort();
      });
    }
    return this.abort.signal;
  }

  /** The undici Request, for whatever this class does not cover. */
  real(): Request {
    if (!this.realCache) {
      const hasBody = this.method !== "GET" && this.method !== "HEAD";
      this.realCache = new GlobalRequest(this.url, {
        method: this.method,
        headers: [...(this.headers as unknown as LightHeaders)],
        body: hasBody ? this.body : null,
        signal: this.signal,
        ...(hasBody ? { duplex: "half" } : {}),
      } as RequestInit);
    }
    return this.realCache;
  }

  text(): Promise<string> {
    return this.real().text();
  }
  json(): Promise<unknown> {
    return this.real().json();
  }
  arrayBuffer(): Promise<ArrayBuffer> {
    return this.real().arrayBuffer();
  }
  blob(): Promise<Blob> {
    return this.real().blob();
  }
  formData(): Promise<FormData> {
    return this.real().formData();
  }
  clone(): Request {
    return this.real().clone();
  }
  get cache(): RequestCache {
    return "default";
  }
  get credentials(): RequestCredentials {
    return "same-origin";
  }
  get destination(): RequestDestination {
    return "";
  }
  get integrity(): string {
    return "";
  }
  get keepalive(): boolean {
    return false;
  }
  get mode(): RequestMode {
    return "cors";
  }
  get redirect(): RequestRedirect {
    return "follow";
  }
  get referrer(): string {
    return "about:client";
  }
  get referrerPolicy(): ReferrerPolicy {
    return "";
  }
}

// `instanceof Request` holds, as for the Request Next would have passed.
Object.setPrototypeOf(NodeRequest.prototype, GlobalRequest.prototype);

/** The request as the route handlers' `Request` type (it implements what they use). */
export function nodeRequest(incoming: IncomingMessage, url: string): Request {
  return new NodeRequest(incoming, url) as unknown as Request;
}
