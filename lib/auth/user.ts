import "server-only";
import type { Db } from "@/lib/db/client";

/** The signed-in user as the server sees it, read from the database on each request. */
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  isOperator: boolean;
  vendor: { id: string; name: string } | null;
};

export async function loadSessionUser(db: Db, id: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, isOperator: true, vendor: { select: { id: true, name: true } } },
  });
  return user ?? null;
}
