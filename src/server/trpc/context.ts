import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { users, userSessions, type Role } from "../auth/schema";
import { lastSeenIsStale, sessionState, touchSession } from "../auth/sessions";
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
  /** the signed-in browser's session (user_sessions.id) */
  sessionId: string | null;
  /** a session cookie came but its session has ended: the sign-in page says so */
  sessionEnded: boolean;
};

/** What the session cookie says: who, and which of their sessions. */
export type SessionIdentity = { userId: string; sessionId: string };

/**
 * Builds the context from the session cookie's identity. The account and the session row are
 * read in one query on every request, so a disabled account, a changed role, a revoked or an
 * expired session take effect at once; an ended session is the same as no session.
 */
export async function createContext(db: Database, identity: SessionIdentity | null | undefined, ip: string): Promise<Context> {
  // Other processes may have saved new instance settings: re-read them every few seconds.
  await refreshInstanceSettingsIfStale(db);
  const anonymous = { db, user: null, ip, sessionId: null, sessionEnded: false };
  if (!identity?.userId || !identity.sessionId) return anonymous;
  const rows = await db
    .select({
      id: users.id,
      role: users.role,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      territoryCode: users.territoryCode,
      status: users.status,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
      revokedAt: userSessions.revokedAt,
    })
    .from(users)
    .innerJoin(userSessions, eq(userSessions.userId, users.id))
    .where(and(eq(users.id, identity.userId), eq(userSessions.id, identity.sessionId)))
    .limit(1);
  const row = rows[0];
  const now = new Date();
  if (!row || row.status !== "active" || sessionState(row, row.role, now) !== "active") {
    return { ...anonymous, sessionEnded: true };
  }
  if (lastSeenIsStale(row.lastSeenAt, now)) await touchSession(db, identity.sessionId, now);
  const { id, role, email, firstName, lastName, territoryCode } = row;
  return { db, user: { id, role, email, firstName, lastName, territoryCode }, ip, sessionId: identity.sessionId, sessionEnded: false };
}
