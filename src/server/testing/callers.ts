import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { users, type Role } from "../auth/schema";
import { openSession } from "../auth/sessions";
import { createContext } from "../api/context";
import type { SessionIdentity } from "../trpc/context";
import { createCaller } from "../api/root";

let counter = 0;

/** Creates an active account of a role (password unused: callers are built directly). */
export async function makeUser(db: Database, role: Role, extra: Partial<typeof users.$inferInsert> = {}) {
  counter++;
  const [u] = await db
    .insert(users)
    .values({
      email: `${role}.${counter}.${Date.now()}@test.example`,
      role,
      firstName: "Test",
      lastName: `${role} ${counter}`,
      status: "active",
      ...extra,
    })
    .returning();
  return u!;
}

/** A fresh signed-in session of the user (what the session cookie would carry), or null. */
export async function sessionFor(db: Database, userId: string | null): Promise<SessionIdentity | null> {
  if (!userId) return null;
  // an erased account: its old cookie names a session that no longer exists
  const [exists] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
  return { userId, sessionId: exists ? await openSession(db, userId) : randomUUID() };
}

/** A tRPC caller acting as the given user id in a new session of theirs (or anonymous). */
export async function callerFor(db: Database, userId: string | null, ip = "198.51.100.7") {
  return createCaller(await createContext(db, await sessionFor(db, userId), ip));
}

/** A tRPC caller in an existing session (to check what happens once it has ended). */
export async function callerInSession(db: Database, identity: SessionIdentity, ip = "198.51.100.7") {
  return createCaller(await createContext(db, identity, ip));
}

/** A caller signed in as a fresh account of the role. */
export async function callerAs(db: Database, role: Role, extra: Partial<typeof users.$inferInsert> = {}) {
  const user = await makeUser(db, role, extra);
  return { user, caller: await callerFor(db, user.id) };
}

export async function userByEmail(db: Database, email: string) {
  const [u] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return u ?? null;
}
