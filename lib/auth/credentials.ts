import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { hashPassword, verifyPassword } from "@/lib/users/password";

export const INVALID_CREDENTIALS = "Invalid email or password";

export const signInInput = z.object({
  email: z.string().trim().min(1, "Enter your email address").max(320).pipe(z.email("Enter a valid email address")),
  password: z.string().min(1, "Enter your password").max(1024),
});
export type SignInInput = z.infer<typeof signInInput>;

export type AuthenticatedUser = { id: string; email: string; name: string };

// Compared against when the email is unknown, so both failures cost one bcrypt round
// and response time does not reveal which addresses have accounts.
let decoyHash: Promise<string> | undefined;
function getDecoyHash(): Promise<string> {
  decoyHash ??= hashPassword("klau-decoy-password");
  return decoyHash;
}

/** The user whose password matches, or null. Never says which part was wrong. */
export async function verifyCredentials(db: Db, input: SignInInput): Promise<AuthenticatedUser | null> {
  const user = await db.user.findFirst({
    where: { email: { equals: input.email, mode: "insensitive" } },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await getDecoyHash()));
  if (!user || !ok) return null;
  return { id: user.id, email: user.email, name: user.name };
}
