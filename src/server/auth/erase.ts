import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { inText } from "../db/person-traces";
import { users } from "./schema";

/** Erasure (privacy/erase.ts): deletes the sign-in attempts made with one of the addresses (lower case). */
export async function eraseSignInAttemptsOf(tx: Database, emails: string[]): Promise<void> {
  if (emails.length) await tx.execute(sql`delete from sign_in_attempts where ${inText(sql`lower(email)`, emails)}`);
}

/** Erasure (privacy/erase.ts): deletes the account; the foreign keys cascade to its access codes, sessions, notifications and memberships. */
export async function deleteUser(tx: Database, userId: string): Promise<void> {
  await tx.delete(users).where(eq(users.id, userId));
}
