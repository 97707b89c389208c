import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { users, type Role } from "../auth/schema";
import { refreshInstanceSettingsIfStale } from "../instance/settings";

export type SessionUser = {
  id: string;
  role: Role;
  email: string | null;
  firstName: string;
  lastName: string;
  territoryCode: string | null;
};

export type Context = {
  db: Database;
  user: SessionUser | null;
  /** caller's address, for rate limits and the audit trail */
  ip: string;
};

/**
 * Builds the context from the signed-in user id (from the Auth.js session). The account is
 * re-read on every request so a disabled account or a changed role takes effect at once.
 */
export async function createContext(db: Database, userId: string | null | undefined, ip: string): Promise<Context> {
  // Other processes may have saved new instance settings: re-read them every few seconds.
  await refreshInstanceSettingsIfStale(db);
  if (!userId) return { db, user: null, ip };
  const rows = await db
    .select({
      id: users.id,
      role: users.role,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      territoryCode: users.territoryCode,
      status: users.status,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  const row = rows[0];
  if (!row || row.status !== "active") return { db, user: null, ip };
  const { status: _status, ...user } = row;
  return { db, user, ip };
}
