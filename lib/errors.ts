/**
 * Errors that domain code throws. They carry no HTTP knowledge; lib/api maps them to
 * the error envelope once (NotFound → 404, Conflict → 409, InvalidInput → 400, Forbidden → 403).
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** `new NotFoundError("Job")` → "Job not found" (the seed's wording). */
export class NotFoundError extends DomainError {
  constructor(readonly resourceLabel: string) {
    super(`${resourceLabel} not found`);
  }
}

export class ConflictError extends DomainError {}

/** Input that parsed but makes no sense here (e.g. a driver of another tenant). */
export class InvalidInputError extends DomainError {}

export class ForbiddenError extends DomainError {}
