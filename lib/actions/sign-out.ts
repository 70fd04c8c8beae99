"use server";

import "server-only";

import { z } from "zod";
import { signOut } from "@/lib/auth/auth";
import { publicAction } from "@/lib/actions/authorized-action";

/** Ends the session (clears the cookie) and returns to the sign-in page; harmless when signed out. */
export const signOutAction = publicAction({ input: z.object({}) }, async () => {
  await signOut({ redirectTo: "/login" });
});
