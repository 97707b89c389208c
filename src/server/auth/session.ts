import { headers } from "next/headers";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { getDb } from "../db";
import { clientIp } from "../lib/request";
import { createContext, type Context, type SessionUser } from "../trpc/context";
import type { Role } from "./schema";

/**
 * The tRPC context of the current request (server components and route handlers). Memoised
 * per request with React's cache: a page's guard, its caller and its header read the session
 * and the account once, not once each.
 */
export const requestContext = cache(async (): Promise<Context> => {
  const session = await auth();
  return createContext(await getDb(), session?.user?.id, clientIp(await headers()));
});

export async function currentUser(): Promise<SessionUser | null> {
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
  const user = await currentUser();
  if (!user) redirect(`/connexion?retour=${encodeURIComponent(returnTo)}`);
  if (!roles.includes(user.role)) redirect(`${HOME_BY_ROLE[user.role]}?refuse=1`);
  return user;
}
