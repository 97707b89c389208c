// The tRPC context's types: who calls, on which database. Built per request by api/context.ts.
import type { Database } from "../db/client";
import type { Role } from "../auth/schema";

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
