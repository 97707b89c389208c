"use server";

import { AuthError, type CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/auth";
import { requestContext } from "@/server/auth/session";
import { createCaller } from "@/server/trpc/root";
import { safeReturnPath } from "./return-path";

export type SignInErrorCode = "invalid" | "rate_limited" | "disabled" | "pending" | "unavailable";

export type SignInState = {
  /** why the sign-in was refused */
  code?: SignInErrorCode;
  fieldErrors?: { email?: string[]; password?: string[] };
  /** what was typed, to fill the form again (never the password) */
  email?: string;
  /** changes on each failed attempt so the error summary takes the focus again */
  attempt?: number;
};

const KNOWN_CODES = new Set(["invalid", "rate_limited", "disabled", "pending"]);

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
      return { code: KNOWN_CODES.has(code) ? (code as SignInErrorCode) : "unavailable", email, attempt };
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
