// The request context of every tRPC call and server page: fresh instance settings, then who
// calls (from the session cookie's identity), on which database, from which address.
import type { Database } from "../db/client";
import { sessionUser } from "../auth/sessions";
import { refreshInstanceSettingsIfStale } from "../instance/settings";
import type { Context, SessionIdentity } from "../trpc/context";

export async function createContext(db: Database, identity: SessionIdentity | null | undefined, ip: string): Promise<Context> {
  // Other processes may have saved new instance settings: re-read them every few seconds.
  await refreshInstanceSettingsIfStale(db);
  const anonymous = { db, user: null, ip, sessionId: null, sessionEnded: false };
  if (!identity?.userId || !identity.sessionId) return anonymous;
  const user = await sessionUser(db, identity);
  if (user === "ended") return { ...anonymous, sessionEnded: true };
  return { db, user, ip, sessionId: identity.sessionId, sessionEnded: false };
}
