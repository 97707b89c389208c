import { headers } from "next/headers";
import { cache } from "react";
import { redirect } from "next/navigation";
import type { Session } from "next-auth";
import { auth } from "@/auth";
import { databaseIfAvailable, getDb } from "../db";
import { clientIp } from "../lib/request";
import { createContext } from "./context";
import type { Context, SessionIdentity, SessionUser } from "../trpc/context";
import type { Role } from "../auth/schema";

/** The user and session ids the (signed) session cookie carries. */
export function sessionIdentity(session: Session | null): SessionIdentity | null {
  return session?.user?.id && session.sessionId ? { userId: session.user.id, sessionId: session.sessionId } : null;
}

/**
 * The tRPC context of the current request (server components and route handlers). Memoised
 * per request with React's cache: a page's guard, its caller and its header read the session
 * and the account once, not once each.
 */
export const requestContext = cache(async (): Promise<Context> => {
  return createContext(await getDb(), sessionIdentity(await auth()), clientIp(await headers()));
});

/** The signed-in user, or null (also when the database is down: the layout then says so). */
export async function currentUser(): Promise<SessionUser | null> {
  if (!(await databaseIfAvailable())) return null;
  return (await requestContext()).user;
}

/** Where each role lands after signing in. */
export const HOME_BY_ROLE: Record<Role, string> = {
  beneficiary: "/beneficiaire",
  employer: "/employeur",
  training_org: "/organisme",
  adviser: "/conseiller",
  admin: "/admin",
};

/**
 * Guards a page: anonymous visitors go to the sign-in page (and come back after), a signed-in
 * person of another role goes to their own home.
 */
export async function requirePageRole(roles: Role[], returnTo: string): Promise<SessionUser> {
  const { user, sessionEnded } = await requestContext();
  // An ended session (signed out elsewhere, expired) is told apart on the sign-in page.
  if (!user) redirect(`/connexion?retour=${encodeURIComponent(returnTo)}${sessionEnded ? "&fin=1" : ""}`);
  if (!roles.includes(user.role)) redirect(`${HOME_BY_ROLE[user.role]}?refuse=1`);
  return user;
}
