/**
 * Where the end-to-end server lives and which database it uses. Evaluated in the Playwright runner
 * and in every worker, so the operator-CLI fixture talks to the same database as the server.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

function databaseOn(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Environment shared by the e2e server and the CLI fixture. */
export const E2E_DATABASE_ENV: Record<string, string> = process.env.TEST_DATABASE_URL
  ? { DATABASE_URL: databaseOn(process.env.TEST_DATABASE_URL, `klau_e2e_${E2E_PORT}`) }
  : { KLAU_DATA_DIR: `.test-data/e2e-${E2E_PORT}` };
