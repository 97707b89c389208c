// Server-side sessions. The session cookie is a signed JWT (Auth.js) carrying the id of a
// user_sessions row; every request reads that row together with the account (one query, in
// sessionUser), so a revoked or expired session is signed out at once, whatever the
// cookie says. See docs/reliability.md (Accounts).
import { and, eq, isNull, lt } from "drizzle-orm";
import type { Database } from "../db/client";
import { recordAudit } from "../audit/record";
import type { SessionIdentity, SessionUser } from "../trpc/context";
import { users, userSessions, type Role } from "./schema";

/** Everybody's sessions end after this (the cookie's own lifetime too, see src/auth.ts). */
export const SESSION_DAYS = 30;
/** Advisers and admins see many people's data: their sessions are short. */
export const STAFF_SESSION_HOURS = 8;
export const STAFF_IDLE_MINUTES = 60;
/** lastSeenAt is written at most this often per session. */
export const LAST_SEEN_WRITE_SECONDS = 60;

const STAFF: ReadonlySet<Role> = new Set<Role>(["adviser", "admin"]);

export type SessionRow = { createdAt: Date; lastSeenAt: Date; revokedAt: Date | null };
export type SessionState = "active" | "revoked" | "expired";

/** Whether a session still holds at `now` for an account of `role` (pure). */
export function sessionState(row: SessionRow, role: Role, now = new Date()): SessionState {
  if (row.revokedAt) return "revoked";
  const age = now.getTime() - row.createdAt.getTime();
  if (age > SESSION_DAYS * 24 * 3600_000) return "expired";
  if (STAFF.has(role)) {
    if (age > STAFF_SESSION_HOURS * 3600_000) return "expired";
    if (now.getTime() - row.lastSeenAt.getTime() > STAFF_IDLE_MINUTES * 60_000) return "expired";
  }
  return "active";
}

/** Whether lastSeenAt is old enough to be written again. */
export function lastSeenIsStale(lastSeenAt: Date, now = new Date()): boolean {
  return now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_WRITE_SECONDS * 1000;
}

/** A new session for an account that just proved who it is; returns its id (kept in the cookie). */
export async function openSession(db: Database, userId: string): Promise<string> {
  const [row] = await db.insert(userSessions).values({ userId }).returning({ id: userSessions.id });
  // Sessions serve nothing once ended: clear the account's old ones now and then.
  if (Math.random() < 0.1) await purgeEndedSessions(db, userId);
  return row!.id;
}

/** Records activity (at most once a minute, see LAST_SEEN_WRITE_SECONDS). */
export async function touchSession(db: Database, sessionId: string, now = new Date()): Promise<void> {
  await db.update(userSessions).set({ lastSeenAt: now }).where(eq(userSessions.id, sessionId));
}

/** Signing out: this session stops working, even if someone copied its cookie. */
export async function revokeSession(db: Database, sessionId: string): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}

/**
 * Every session of the account ends (a new password, "se déconnecter partout"). Returns how
 * many were still open.
 */
export async function revokeAllSessions(
  db: Database,
  userId: string,
  reason: "sign_out_everywhere" | "password_changed",
  actorId: string | null = userId,
): Promise<number> {
  const ended = await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  await recordAudit(db, {
    actorId,
    action: "account.sessions_revoked",
    subjectType: "user",
    subjectId: userId,
    details: { reason, sessions: ended.length },
  });
  return ended.length;
}

/** Ended sessions of an account older than the longest lifetime: nothing left to check. */
export async function purgeEndedSessions(db: Database, userId: string): Promise<void> {
  const before = new Date(Date.now() - SESSION_DAYS * 24 * 3600_000);
  await db.delete(userSessions).where(and(eq(userSessions.userId, userId), lt(userSessions.createdAt, before)));
}

/**
 * The signed-in account behind a session cookie's identity, read with its session row in one
 * query, so a disabled account, a changed role, a revoked or an expired session take effect at
 * once: "ended" when a cookie came but its session no longer holds.
 */
export async function sessionUser(db: Database, identity: SessionIdentity, now = new Date()): Promise<SessionUser | "ended"> {
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
  if (!row || row.status !== "active" || sessionState(row, row.role, now) !== "active") return "ended";
  if (lastSeenIsStale(row.lastSeenAt, now)) await touchSession(db, identity.sessionId, now);
  const { id, role, email, firstName, lastName, territoryCode } = row;
  return { id, role, email, firstName, lastName, territoryCode };
}
