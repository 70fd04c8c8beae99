import { DEMO, DEMO_PASSWORD } from "@/lib/db/demo";

function cookiesOf(response: Response, jar: Map<string, string>): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair?.indexOf("=") ?? -1;
    if (pair && at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Signs North's admin in through Auth.js's credentials endpoint, as the browser would; returns the cookie header. */
export async function signInNorthAdmin(base: string, bench: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  cookiesOf(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email: DEMO.users.northAdmin.email, password: DEMO_PASSWORD, callbackUrl: "/" });
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    body: form,
    redirect: "manual",
    headers: { cookie: cookieHeader(jar), "content-type": "application/x-www-form-urlencoded" },
  });
  cookiesOf(response, jar);
  if (![...jar.keys()].some((k) => k.endsWith("authjs.session-token"))) throw new Error(`${bench}: sign-in failed (${response.status})`);
  return cookieHeader(jar);
}
