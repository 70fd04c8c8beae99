import { byteLabel, MAX_BODY_BYTES } from "@/lib/validation/body-limit";
/** What the console tells a user about an error envelope: what happened and what to do. */
export type Explanation = { meaning: string; action: string; link: { href: string; label: string } | null };

export type ExplainContext = {
  identity: "session" | "key";
  /** Where the identity's scopes are changed: the key list, the partnership's grant… */
  keysHref: string | null;
  grantHref: string | null;
  /** The scope the failing operation needs, when known (from the endpoint). */
  scope: string | null;
};

type Envelope = { code: string; message?: string; requiredScope?: string; reason?: string; fields?: { path: string; message: string }[] };

function scopeAdvice(scope: string, ctx: ExplainContext): Explanation {
  if (ctx.identity === "session") {
    return {
      meaning: `This call needs ${scope}, which the console session was not given.`,
      action: `Add ${scope} to the session's scopes above and send again.`,
      link: null,
    };
  }
  if (ctx.grantHref) {
    return {
      meaning: `This call needs ${scope}: the key or the hauler's grant lacks it.`,
      action: `Add ${scope} to the key, and ask the hauler to grant it if the partnership does not.`,
      link: { href: ctx.grantHref, label: "See granted scopes" },
    };
  }
  return {
    meaning: `This call needs ${scope}, which the key does not have.`,
    action: `Edit the key to add ${scope} (or use a key that has it).`,
    link: ctx.keysHref ? { href: ctx.keysHref, label: "Edit API keys" } : null,
  };
}

/** One line of meaning and one of advice per envelope code (docs/API-PIPELINE.md lists them). */
export function explainError(error: Envelope, ctx: ExplainContext): Explanation {
  const keys = ctx.keysHref ? { href: ctx.keysHref, label: "Manage API keys" } : null;
  switch (error.code) {
    case "INSUFFICIENT_SCOPE":
      return scopeAdvice(error.requiredScope ?? ctx.scope ?? "another scope", ctx);
    case "UNAUTHORIZED":
      if (ctx.identity === "session")
        return { meaning: "The console session was not accepted.", action: "Send the call again; a fresh session is made for each call.", link: null };
      return {
        meaning:
          error.reason === "revoked" ? "This key has been revoked." : error.reason === "expired" ? "This key has expired." : "The pasted key was not accepted.",
        action: "Check that the whole key was pasted, or create a new key.",
        link: keys,
      };
    case "TENANT_ACCESS_DENIED":
      return {
        meaning: "There is no active partnership with this hauler.",
        action: "Choose a hauler you have an active partnership with.",
        link: ctx.grantHref ? { href: ctx.grantHref, label: "See partnerships" } : null,
      };
    case "TENANT_HEADER_REQUIRED":
      return { meaning: "A vendor key must name the hauler it acts for.", action: "Choose a hauler: the console sends its id in Klau-Tenant-Id.", link: null };
    case "TENANT_MISMATCH":
      return { meaning: "This key belongs to another company.", action: "Use a key of this company, or open the console in the key's company.", link: keys };
    case "RATE_LIMITED":
      return { meaning: "This identity used its 500 requests of the 15-minute window.", action: "Wait for retry-after seconds, then send again.", link: null };
    case "VALIDATION_ERROR":
      return {
        meaning: "The request did not match the operation's schema.",
        action: error.fields?.length
          ? `Fix: ${error.fields.map((f) => `${f.path || "body"}: ${f.message}`).join("; ")}.`
          : "Check the fields named in the message.",
        link: null,
      };
    case "INVALID_JSON":
      return { meaning: "The body is not valid JSON.", action: "Fix the JSON in the body editor.", link: null };
    case "NOT_FOUND":
      return {
        meaning: "Nothing with this id exists for this tenant (or there is no such endpoint).",
        action: "Check the id: list the resource first to pick one.",
        link: null,
      };
    case "CONFLICT":
      return {
        meaning: "The change conflicts with the current data (a duplicate, or a row still in use).",
        action: "Read the message, change the body and send again.",
        link: null,
      };
    case "IDEMPOTENCY_KEY_REUSED":
      return {
        meaning: "This Idempotency-Key was already used with a different method, path or body.",
        action: "Generate a new Idempotency-Key for a different call.",
        link: null,
      };
    case "IDEMPOTENCY_KEY_IN_USE":
      return { meaning: "A call with this Idempotency-Key is still running.", action: "Wait a second and send again: you will get its answer.", link: null };
    case "INVALID_IDEMPOTENCY_KEY":
      return { meaning: "The Idempotency-Key is not 1–255 printable characters.", action: "Generate a new key.", link: null };
    case "METHOD_NOT_ALLOWED":
      return { meaning: "This path does not accept this method.", action: "Pick the operation from the list instead.", link: null };
    case "PAYLOAD_TOO_LARGE":
      return { meaning: `The body is over ${byteLabel(MAX_BODY_BYTES)}.`, action: "Send less data per call.", link: null };
    case "UNSUPPORTED_MEDIA_TYPE":
      return { meaning: "The API reads JSON bodies only.", action: "Send the body as JSON.", link: null };
    case "SERVICE_UNAVAILABLE":
      return { meaning: "The API could not reach a dependency.", action: "Try again in a few seconds.", link: null };
    default:
      return { meaning: "The API could not complete the call.", action: "Try again; if it persists, quote the request id to support.", link: null };
  }
}
