import "server-only";
/** How a console session is named in the request log and usage: "Console (user email)". */
export function consoleLabel(email: string): string {
  return `Console (${email})`;
}
