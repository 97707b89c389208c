"use server";

import { signOut } from "@/auth";

/** After the account is erased: end the session and go to the home page, which says it is done. */
export async function signOutAfterErasure(): Promise<void> {
  await signOut({ redirectTo: "/?compte=supprime" });
}
