"use server";

import { AuthError, type CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/auth";
import { requestContext } from "@/server/api/session";
import { createCaller } from "@/server/api/root";
import { TRPCError } from "@trpc/server";
import { accessCodeSchema, emailSchema } from "@/server/auth/inputs";
import { safeReturnPath } from "./return-path";
import { parseSignInCode } from "./sign-in-codes";

export type SignInErrorCode = "invalid" | "slow_down" | "rate_limited" | "disabled" | "pending" | "unavailable";

export type SignInState = {
  /** why the sign-in was refused */
  code?: SignInErrorCode;
  fieldErrors?: { email?: string[]; password?: string[] };
  /** what was typed, to fill the form again (never the password) */
  email?: string;
  /** changes on each failed attempt so the error summary takes the focus again */
  attempt?: number;
  /** from the third wrong password: tries left from this connection */
  remaining?: number;
  /** slow_down: seconds to wait before the next try */
  retryAfterSeconds?: number;
};

/**
 * Signs in with e-mail and password. Used by the sign-in form (works before the page's
 * JavaScript has loaded) and after sign-up or activation. On success it leaves for `retour`
 * when it is a path on this site, otherwise for the person's own space.
 */
export async function signInAction(previous: SignInState | undefined, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  const attempt = (previous?.attempt ?? 0) + 1;
  const fieldErrors: SignInState["fieldErrors"] = {};
  if (!email) fieldErrors.email = ["Indiquez votre adresse e-mail."];
  if (!password) fieldErrors.password = ["Indiquez votre mot de passe."];
  if (fieldErrors.email || fieldErrors.password) return { fieldErrors, email, attempt };

  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = error.type === "CredentialsSignin" ? (error as CredentialsSignin).code : "";
      return { ...parseSignInCode(code), email, attempt };
    }
    throw error;
  }
  redirect(safeReturnPath(formData.get("retour")) ?? "/espace");
}

export type CodeSignInState = SignInState & {
  /** the code was asked for: the page shows the code field */
  sent?: boolean;
  fieldErrors?: { email?: string[]; code?: string[] };
  /** why asking for a code was refused (rate limits) */
  message?: string;
};

/**
 * "Recevoir un code par e-mail", then "Se connecter" with it, on one page (/connexion/code):
 * the form's `intent` says which. Works before the page's JavaScript has loaded.
 */
export async function codeSignInAction(previous: CodeSignInState | undefined, formData: FormData): Promise<CodeSignInState> {
  const attempt = (previous?.attempt ?? 0) + 1;
  const parsedEmail = emailSchema.safeParse(formData.get("email") ?? "");
  const email = String(formData.get("email") ?? "").trim();
  if (!parsedEmail.success) {
    return { ...previous, fieldErrors: { email: [parsedEmail.error.issues[0]!.message] }, email, attempt, code: undefined, message: undefined };
  }
  if (formData.get("intent") === "send") {
    try {
      await createCaller(await requestContext()).auth.requestSignInCode({ email: parsedEmail.data });
    } catch (err) {
      if (err instanceof TRPCError && err.code === "TOO_MANY_REQUESTS") return { sent: previous?.sent, email, attempt, message: err.message };
      throw err;
    }
    return { sent: true, email, attempt };
  }
  const parsedCode = accessCodeSchema.safeParse(formData.get("code") ?? "");
  if (!parsedCode.success) return { sent: true, email, attempt, fieldErrors: { code: [parsedCode.error.issues[0]!.message] } };
  try {
    await signIn("email-code", { email: parsedEmail.data, code: parsedCode.data, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = error.type === "CredentialsSignin" ? (error as CredentialsSignin).code : "";
      return { sent: true, ...parseSignInCode(code), email, attempt };
    }
    throw error;
  }
  redirect(safeReturnPath(formData.get("retour")) ?? "/espace");
}

/** Signs out (this browser's session is revoked on the server too) and goes back to the home page. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

/** "Se déconnecter partout": every session of the account ends, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  const ctx = await requestContext();
  if (ctx.user) await createCaller(ctx).auth.signOutEverywhere();
  await signOut({ redirectTo: "/connexion?fin=partout" });
}
