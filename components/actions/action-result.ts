/** What a server action answers (the shape of lib/actions' ActionResult, safe to import in the browser). */
export type ActionOutcome<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string }; fieldErrors?: Record<string, string[]> };

/** A failed server action as an error a mutation or query can throw, keeping the field errors. */
export class ActionFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "ActionFailure";
  }

  /** The first message for a field (`name`, `expiry`, `scopes`…), for showing next to it. */
  field(name: string): string | undefined {
    return this.fieldErrors[name]?.[0] ?? Object.entries(this.fieldErrors).find(([path]) => path.startsWith(`${name}.`))?.[1][0];
  }
}

export function unwrap<T>(result: ActionOutcome<T>): T {
  if (result.ok) return result.data;
  throw new ActionFailure(result.error.code, result.error.message, result.fieldErrors);
}
