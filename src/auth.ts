import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "./server/db";
import { verifySignIn } from "./server/auth/accounts";
import { signInInput } from "./server/auth/inputs";
import type { Role } from "./server/auth/schema";
import { openSession, revokeSession, SESSION_DAYS } from "./server/auth/sessions";
import { clientIp } from "./server/lib/request";
import { secureAuthCookies } from "./server/lib/security-headers";

// The codes reach the sign-in page (?code=…), which says what happened in plain French.
class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}
class AccountDisabled extends CredentialsSignin {
  code = "disabled";
}
class AccountPending extends CredentialsSignin {
  code = "pending";
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
        if (!parsed.success) throw new InvalidCredentials();
        const result = await verifySignIn(await getDb(), parsed.data.email, parsed.data.password, clientIp(request.headers));
        if (result.ok) {
          const u = result.user;
          return { id: u.id, email: u.email, name: `${u.firstName} ${u.lastName}`.trim(), role: u.role };
        }
        if (result.reason === "rate_limited") throw new RateLimited();
        if (result.reason === "disabled") throw new AccountDisabled();
        if (result.reason === "pending") throw new AccountPending();
        throw new InvalidCredentials();
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
