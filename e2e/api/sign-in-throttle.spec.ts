import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD } from "@/lib/db/demo";
import { signInByCallback } from "../fixtures/auth-callback";
import { klau } from "../fixtures/cli";
import { randomIp } from "./pipeline-fixtures";

// The sign-in throttle sits in the Credentials provider's authorize(): Auth.js's own callback endpoint
// is throttled exactly like the /login form (the form's side is in e2e/ui/sign-in.spec.ts).
test.describe.configure({ timeout: 180_000 });

const EMAIL_LIMIT = 10;
const IP_LIMIT = 50;

async function newUser(): Promise<{ email: string; password: string }> {
  const email = `throttle-${randomUUID().slice(0, 8)}@acme-waste.test`;
  const password = "correct-horse-battery";
  await klau(["users", "create", "--email", email, "--password", password, "--company", DEMO.companies.north.id, "--role", "member"]);
  return { email, password };
}

test("30 wrong passwords on /api/auth/callback/credentials are counted: the email is locked, the right password too", async () => {
  const user = await newUser();
  const outcomes = [];
  // A fresh address each time: the per-email budget alone must stop this.
  for (let i = 0; i < 30; i++) outcomes.push(await signInByCallback(user.email, `wrong-${i}`, randomIp()));
  expect(outcomes.slice(0, EMAIL_LIMIT)).toEqual(Array(EMAIL_LIMIT).fill("invalid"));
  expect(outcomes.slice(EMAIL_LIMIT)).toEqual(Array(30 - EMAIL_LIMIT).fill("rate_limited"));
  expect(await signInByCallback(user.email, user.password, randomIp())).toBe("rate_limited");
  // Another email is unaffected.
  expect(await signInByCallback((await newUser()).email, "correct-horse-battery", randomIp())).toBe("signed-in");
});

test("one client address failing across many emails is locked, whatever it writes in X-Forwarded-For's left part", async () => {
  const ip = randomIp();
  // Rotating spoofed left-most hops: the trusted proxy's entry (right-most) is what counts.
  const from = () => `${randomIp()}, ${ip}`;
  const outcomes = await Promise.all(
    Array.from({ length: IP_LIMIT }, (_, i) => signInByCallback(`nobody-${i}-${randomUUID().slice(0, 6)}@acme-waste.test`, "guess", from())),
  );
  expect(outcomes).toEqual(Array(IP_LIMIT).fill("invalid"));
  expect(await signInByCallback(DEMO.users.northMember.email, DEMO_PASSWORD, from())).toBe("rate_limited");
  expect(await signInByCallback(DEMO.users.northMember.email, DEMO_PASSWORD, randomIp())).toBe("signed-in");
});

test("the right password by callback signs in, again and again from one address (successes do not add up)", async () => {
  const ip = randomIp();
  for (let i = 0; i < 3; i++) expect(await signInByCallback(DEMO.users.southAdmin.email, DEMO_PASSWORD, ip)).toBe("signed-in");
});
