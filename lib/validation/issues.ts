import { ZodError } from "zod";

export type FieldIssue = { path: string; message: string };

/** `a.b[0].c` style path, readable in an error message. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`)).join("");
}

/** The field list of a zod error, or undefined when `error` is not one. */
export function zodFields(error: unknown): FieldIssue[] | undefined {
  if (!(error instanceof ZodError)) return undefined;
  return error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message }));
}

/** "Invalid request: name: Required (and 2 more)": one line naming the first problem. */
export function summarizeIssues(fields: readonly FieldIssue[]): string {
  const first = fields[0];
  const summary = first ? `${first.path || "body"}: ${first.message}` : "Invalid request";
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : "";
  return `Invalid request: ${summary}${more}`;
}
