import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { emailOutbox } from "../notifications/schema";
import type { createCaller } from "../api/root";

type Caller = ReturnType<typeof createCaller>;
type SignUp = Parameters<Caller["auth"]["signUp"]>[0];

/** The 6-digit code of the last sign-up e-mail sent to `email` (read from the outbox, as the mailbox would). */
export async function lastSignUpCode(db: Database, email: string): Promise<string> {
  const [mail] = await db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, email.trim().toLowerCase()), eq(emailOutbox.confidential, true)))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  const m = /tapez ce code sur la page d'inscription : (\d{6})/.exec(mail?.body ?? "");
  if (!m) throw new Error(`no sign-up code e-mailed to ${email}`);
  return m[1]!;
}

/** Signs up the whole way: the form, then the code from the e-mail. Returns the new account. */
export async function signUpConfirmed(caller: Caller, db: Database, input: SignUp) {
  await caller.auth.signUp(input);
  return caller.auth.confirmSignUp({ email: input.email, code: await lastSignUpCode(db, input.email) });
}
