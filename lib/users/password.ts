import "server-only";
import bcrypt from "bcryptjs";

/** Cost 10 ≈ 60 ms here: slow enough against offline guessing, fast enough for a sign-in. */
export const BCRYPT_COST = 10;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, BCRYPT_COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}
