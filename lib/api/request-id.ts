import "server-only";
import { randomUUID } from "node:crypto";

/**
 * A fresh id per request, sent as `x-request-id` and inside every error body so a client's
 * report can be matched to the server log. Always server-generated: a client-chosen id could
 * collide with or forge another request's log entries.
 */
export function newRequestId(): string {
  return `req_${randomUUID().replaceAll("-", "")}`;
}
