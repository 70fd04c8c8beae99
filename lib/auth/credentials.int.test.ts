import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { DEMO, DEMO_PASSWORD } from "@/lib/db/demo";
import { seedDemo } from "@/lib/db/seed";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { signInInput, verifyCredentials } from "./credentials";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemo(testDb.db);
});
afterAll(async () => {
  await testDb?.cleanup();
});

describe("verifyCredentials", () => {
  it("returns the user for the right password, matching the email case-insensitively", async () => {
    const user = await verifyCredentials(testDb.db, { email: "Admin.North@Acme-Waste.test", password: DEMO_PASSWORD });
    expect(user).toMatchObject({ email: DEMO.users.northAdmin.email, name: DEMO.users.northAdmin.name });
    expect(user).not.toHaveProperty("passwordHash");
  });

  it("returns null for a wrong password and for an unknown email", async () => {
    expect(await verifyCredentials(testDb.db, { email: DEMO.users.northAdmin.email, password: "wrong" })).toBeNull();
    expect(await verifyCredentials(testDb.db, { email: "nobody@acme-waste.test", password: DEMO_PASSWORD })).toBeNull();
  });
});

describe("signInInput", () => {
  it("trims the email and requires both fields", () => {
    expect(signInInput.parse({ email: "  a@b.test ", password: "p" }).email).toBe("a@b.test");
    const result = signInInput.safeParse({ email: "", password: "" });
    expect(result.success).toBe(false);
    expect(result.error && z.flattenError(result.error).fieldErrors).toEqual({
      email: ["Enter your email address"],
      password: ["Enter your password"],
    });
  });

  it("rejects a malformed email", () => {
    expect(signInInput.safeParse({ email: "not-an-email", password: "p" }).error?.issues[0]?.message).toBe("Enter a valid email address");
  });
});
