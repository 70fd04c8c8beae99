import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/prisma-errors";
import { ConflictError, ERROR_CODES, ERROR_STATUS, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { ApiError } from "./errors";
import { toApiError } from "./map-error";

function prismaError(code: string, name = "PrismaClientKnownRequestError") {
  return Object.assign(new Error(`prisma ${code}`), { code, name });
}

describe("toApiError", () => {
  const zodError = z.object({ a: z.string() }).safeParse({}).error;
  it.each([
    ["ApiError passes through", new ApiError("RATE_LIMITED", "slow down"), 429, "RATE_LIMITED", "slow down"],
    ["NotFoundError", new NotFoundError("Job"), 404, "NOT_FOUND", "Job not found"],
    ["ConflictError", new ConflictError("Taken"), 409, "CONFLICT", "Taken"],
    ["InvalidInputError", new InvalidInputError("Driver belongs to another tenant"), 400, "BAD_REQUEST", "Driver belongs to another tenant"],
    ["ForbiddenError", new ForbiddenError("No"), 403, "FORBIDDEN", "No"],
    ["ZodError", zodError, 400, "VALIDATION_ERROR", expect.stringMatching(/^Invalid request: a: /)],
    ["Prisma P2025", prismaError("P2025"), 404, "NOT_FOUND", "Resource not found"],
    ["Prisma P2002", prismaError("P2002"), 409, "CONFLICT", expect.any(String)],
    ["Prisma P1001", prismaError("P1001"), 503, "SERVICE_UNAVAILABLE", expect.any(String)],
    ["init error", Object.assign(new Error("x"), { name: "PrismaClientInitializationError" }), 503, "SERVICE_UNAVAILABLE", expect.any(String)],
    ["ECONNREFUSED in cause", new Error("wrapped", { cause: Object.assign(new Error("c"), { code: "ECONNREFUSED" }) }), 503, "SERVICE_UNAVAILABLE", expect.any(String)],
    ["adapter DatabaseNotReachable", new Error("x", { cause: { kind: "DatabaseNotReachable" } }), 503, "SERVICE_UNAVAILABLE", expect.any(String)],
    ["pg: socket gone mid-query (no code)", new Error("Connection terminated unexpectedly"), 503, "SERVICE_UNAVAILABLE", expect.any(String)],
    ["pg-pool: connect timeout (no code)", new Error("x", { cause: new Error("timeout exceeded when trying to connect") }), 503, "SERVICE_UNAVAILABLE", expect.any(String)],
    ["TypeError", new TypeError("cannot read properties of undefined (reading 'secret')"), 500, "INTERNAL_ERROR", "An unexpected error occurred"],
    ["a thrown string", "boom", 500, "INTERNAL_ERROR", "An unexpected error occurred"],
    ["null", null, 500, "INTERNAL_ERROR", "An unexpected error occurred"],
  ])("%s → %i %s", (_name, error, status, code, message) => {
    const mapped = toApiError(error);
    expect({ status: mapped.status, code: mapped.code, message: mapped.message }).toEqual({ status, code, message });
  });

  it("never detects unavailability in ordinary errors", () => {
    expect(isDatabaseUnavailable(new Error("ECONNREFUSED mentioned only in text"))).toBe(false);
  });

  it("every code is UPPER_SNAKE_CASE with a 4xx/5xx status", () => {
    for (const code of ERROR_CODES) {
      expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
      expect(ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
    }
  });
});
