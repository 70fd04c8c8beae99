import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/prisma-errors";
import { ConflictError, ERROR_CODES, ERROR_STATUS, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { ApiError } from "./errors";
import { toApiError } from "./map-error";

function prismaError(code: string, name = "PrismaClientKnownRequestError") {
  return Object.assign(new Error(`prisma ${code}`), { code, name });
}

function adapterError(sqlState: string, message: string, kind = "postgres") {
  const driverAdapterError = Object.assign(new Error(message), {
    name: "DriverAdapterError",
    cause: { originalCode: sqlState, originalMessage: message, kind, code: sqlState, severity: "ERROR", message },
  });
  return Object.assign(new Error(`Database error. Code: \`${sqlState}\``), {
    name: "PrismaClientKnownRequestError",
    code: "P2039",
    meta: { driverAdapterError },
  });
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
    [
      "ECONNREFUSED in cause",
      new Error("wrapped", { cause: Object.assign(new Error("c"), { code: "ECONNREFUSED" }) }),
      503,
      "SERVICE_UNAVAILABLE",
      expect.any(String),
    ],
    ["adapter DatabaseNotReachable", new Error("x", { cause: { kind: "DatabaseNotReachable" } }), 503, "SERVICE_UNAVAILABLE", expect.any(String)],
    ["pg: socket gone mid-query (no code)", new Error("Connection terminated unexpectedly"), 503, "SERVICE_UNAVAILABLE", expect.any(String)],
    [
      "pg-pool: connect timeout (no code)",
      new Error("x", { cause: new Error("timeout exceeded when trying to connect") }),
      503,
      "SERVICE_UNAVAILABLE",
      expect.any(String),
    ],
    // What Prisma 7 throws for a PostgreSQL error through a driver adapter (adapter-pg's convertDriverError).
    [
      "57P03 database is shutting down (adapter)",
      adapterError("57P03", "the database system is shutting down"),
      503,
      "SERVICE_UNAVAILABLE",
      expect.any(String),
    ],
    [
      "57P01 admin shutdown (adapter)",
      adapterError("57P01", "terminating connection due to administrator command"),
      503,
      "SERVICE_UNAVAILABLE",
      expect.any(String),
    ],
    [
      "57P03 from pg directly",
      Object.assign(new Error("the database system is shutting down"), { code: "57P03", severity: "FATAL" }),
      503,
      "SERVICE_UNAVAILABLE",
      expect.any(String),
    ],
    ["22021 NUL in text (adapter)", adapterError("22021", 'invalid byte sequence for encoding "UTF8": 0x00'), 400, "BAD_REQUEST", expect.any(String)],
    ["22008 date out of range (adapter)", adapterError("22008", "timestamp out of range"), 400, "BAD_REQUEST", expect.any(String)],
    ["22003 number out of range (adapter)", adapterError("22003", "value out of range", "ValueOutOfRange"), 400, "BAD_REQUEST", expect.any(String)],
    ["other SQLSTATE (adapter)", adapterError("42601", "syntax error"), 500, "INTERNAL_ERROR", "An unexpected error occurred"],
    ["TypeError", new TypeError("cannot read properties of undefined (reading 'secret')"), 500, "INTERNAL_ERROR", "An unexpected error occurred"],
    ["a thrown string", "boom", 500, "INTERNAL_ERROR", "An unexpected error occurred"],
    ["null", null, 500, "INTERNAL_ERROR", "An unexpected error occurred"],
  ])("%s → %i %s", (_name, error, status, code, message) => {
    const mapped = toApiError(error);
    expect({ status: mapped.status, code: mapped.code, message: mapped.message }).toEqual({ status, code, message });
  });

  it("caps the fields of a ZodError thrown by a handler like the parse step's", () => {
    const many = z.object(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, z.string()]))).safeParse({}).error;
    const mapped = toApiError(many);
    expect(mapped.details.fields).toHaveLength(20);
    expect(mapped.details.moreFields).toBe(30);
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
