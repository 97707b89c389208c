"use client";

import Link from "next/link";
import { useActionState } from "react";
import { signInAction, type SignInErrorCode, type SignInState } from "@/app/actions/session";
import { Button } from "@/components/ui/Button";
import { ErrorSummary, summaryItems, type ErrorItem } from "@/components/ui/ErrorSummary";
import { PasswordField } from "@/components/ui/PasswordField";
import { TextField } from "@/components/ui/TextField";
import { IconKey, IconSignIn } from "@/components/ui/icons";

/** What each refusal means, in plain words. */
export const SIGN_IN_MESSAGES: Record<SignInErrorCode, string> = {
  invalid: "L'adresse e-mail ou le mot de passe n'est pas bon. Vérifiez-les et réessayez.",
  rate_limited: "Trop de tentatives : par sécurité, la connexion est bloquée 15 minutes au plus. Réessayez ensuite.",
  disabled: "Ce compte est désactivé. Pour le réactiver, contactez votre conseiller.",
  pending: "Ce compte n'est pas encore activé. Activez-le d'abord avec le code donné par votre conseiller.",
  unavailable: "La connexion n'a pas marché. Réessayez dans un instant.",
};

export function SignInForm({ retour, initialCode }: { retour: string | null; initialCode?: SignInErrorCode }) {
  const [state, formAction, pending] = useActionState<SignInState | undefined, FormData>(
    signInAction,
    initialCode ? { code: initialCode } : undefined,
  );
  const fieldErrors = state?.fieldErrors ?? {};
  const errors: ErrorItem[] = [
    ...(state?.code ? [{ message: SIGN_IN_MESSAGES[state.code], fieldId: state.code === "invalid" ? "email" : undefined }] : []),
    ...summaryItems(fieldErrors, { email: "email", password: "password" }),
  ];
  return (
    <form action={formAction} className="form" noValidate>
      <ErrorSummary errors={errors} focusKey={state?.attempt} />
      {state?.code === "pending" ? (
        <p>
          <Link href="/activer" className="btn btn--secondary">
            <IconKey />
            <span>Activer mon compte avec mon code</span>
          </Link>
        </p>
      ) : null}
      {retour ? <input type="hidden" name="retour" value={retour} /> : null}
      <TextField
        id="email"
        name="email"
        type="email"
        label="Adresse e-mail"
        autoComplete="email"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        defaultValue={state?.email ?? ""}
        error={fieldErrors.email}
      />
      <PasswordField
        id="password"
        name="password"
        label="Mot de passe"
        autoComplete="current-password"
        error={fieldErrors.password}
      />
      <Button type="submit" icon={<IconSignIn />} block busy={pending} busyLabel="Connexion en cours…">
        Se connecter
      </Button>
    </form>
  );
}
