import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "./server/db";
import { verifySignIn, verifySignInCode, type PublicUser, type SignInResult } from "./server/auth/accounts";
import { signInCodeInput, signInInput } from "./server/auth/inputs";
import type { Role } from "./server/auth/schema";
import { openSession, revokeSession, SESSION_DAYS } from "./server/auth/sessions";
import { clientIp } from "./server/lib/request";
import { secureAuthCookies } from "./server/lib/security-headers";

// The codes reach the sign-in page (?code=… or the form's state), which says what happened in
// plain French: "invalid" or "invalid_left_2" (from the third wrong try), "slow_down_30", …
class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

/** A refused sign-in as the code the sign-in page reads. */
function refusal(result: Exclude<SignInResult, { ok: true }>): SignInRefused {
  if (result.reason === "invalid") return new SignInRefused(result.remaining === undefined ? "invalid" : `invalid_left_${result.remaining}`);
  if (result.reason === "slow_down") return new SignInRefused(`slow_down_${result.retryAfterSeconds}`);
  return new SignInRefused(result.reason);
}

function sessionUser(u: PublicUser) {
  return { id: u.id, email: u.email, name: `${u.firstName} ${u.lastName}`.trim(), role: u.role };
}

declare module "next-auth" {
  interface User {
    role?: Role;
  }
  interface Session {
    user: { id: string; role: Role; email: string; name: string };
    /** user_sessions.id: checked on every request (see createContext) */
    sessionId: string;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt", maxAge: SESSION_DAYS * 24 * 3600 },
  pages: { signIn: "/connexion" },
  logger: {
    // A refused sign-in is an expected outcome (the page says why), not a server error.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  trustHost: process.env.AUTH_TRUST_HOST === "true" || process.env.NODE_ENV !== "production",
  // Secure cookies whenever the site is served over HTTPS (see secureAuthCookies).
  useSecureCookies: secureAuthCookies(),
  providers: [
    Credentials({
      credentials: { email: { label: "Adresse e-mail" }, password: { label: "Mot de passe", type: "password" } },
      async authorize(credentials, request) {
        const parsed = signInInput.safeParse(credentials);
        if (!parsed.success) throw new SignInRefused("invalid");
        const result = await verifySignIn(await getDb(), parsed.data.email, parsed.data.password, clientIp(request.headers));
        if (result.ok) return sessionUser(result.user);
        throw refusal(result);
      },
    }),
    // The one-time code e-mailed from /connexion/code ("recevoir un code par e-mail").
    Credentials({
      id: "email-code",
      credentials: { email: { label: "Adresse e-mail" }, code: { label: "Code reçu" } },
      async authorize(credentials, request) {
        const parsed = signInCodeInput.safeParse(credentials);
        if (!parsed.success) throw new SignInRefused("invalid");
        const result = await verifySignInCode(await getDb(), parsed.data.email, parsed.data.code, clientIp(request.headers));
        if (result.ok) return sessionUser(result.user);
        throw refusal(result);
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        // Signed in just now: a server-side session of its own, which sign-out can revoke.
        token.uid = user.id;
        token.role = user.role;
        token.sid = await openSession(await getDb(), user.id!);
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.uid as string;
      session.user.role = token.role as Role;
      session.sessionId = (token.sid as string | undefined) ?? "";
      return session;
    },
  },
  events: {
    // Signing out ends the session on the server too: a copy of the cookie stops working.
    async signOut(message) {
      const sid = "token" in message ? (message.token?.sid as string | undefined) : undefined;
      if (sid) await revokeSession(await getDb(), sid);
    },
  },
});
