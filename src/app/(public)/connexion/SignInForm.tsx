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
  slow_down:
    "Beaucoup d'essais ont échoué sur ce compte : par sécurité, attendez un peu avant de réessayer, ou recevez un code par e-mail pour vous connecter.",
  rate_limited:
    "Trop de tentatives depuis cette connexion : réessayez dans 15 minutes au plus, ou recevez un code par e-mail pour vous connecter tout de suite.",
  disabled: "Ce compte est désactivé. Pour le réactiver, contactez votre conseiller.",
  pending: "Ce compte n'est pas encore activé. Activez-le d'abord avec le code donné par votre conseiller.",
  unavailable: "La connexion n'a pas marché. Réessayez dans un instant.",
};

/** The refusal's sentence, with the tries left or the wait when there is one. */
export function signInMessage(state: Pick<SignInState, "code" | "remaining" | "retryAfterSeconds">): string {
  if (state.code === "invalid" && state.remaining !== undefined) {
    const left =
      state.remaining === 0
        ? "C'était le dernier essai depuis cette connexion pour le moment : recevez un code par e-mail pour vous connecter."
        : `Il vous reste ${state.remaining} essai${state.remaining > 1 ? "s" : ""}.`;
    return `${SIGN_IN_MESSAGES.invalid} ${left}`;
  }
  if (state.code === "slow_down" && state.retryAfterSeconds) {
    const s = state.retryAfterSeconds;
    return `Beaucoup d'essais ont échoué sur ce compte : par sécurité, attendez ${s} seconde${s > 1 ? "s" : ""} avant de réessayer, ou recevez un code par e-mail pour vous connecter.`;
  }
  return SIGN_IN_MESSAGES[state.code ?? "unavailable"];
}

export function SignInForm({ retour, initial }: { retour: string | null; initial?: Pick<SignInState, "code" | "remaining" | "retryAfterSeconds"> }) {
  const [state, formAction, pending] = useActionState<SignInState | undefined, FormData>(signInAction, initial?.code ? initial : undefined);
  const fieldErrors = state?.fieldErrors ?? {};
  // From the third wrong try (or once limited), the ways in without the password come beside the field.
  const offerHelp = state?.remaining !== undefined || state?.code === "rate_limited" || state?.code === "slow_down";
  const errors: ErrorItem[] = [
    ...(state?.code ? [{ message: signInMessage(state), fieldId: state.code === "invalid" ? "email" : undefined }] : []),
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
      {offerHelp ? (
        <p className="sign-in-help" data-testid="sign-in-help">
          <Link href="/mot-de-passe-oublie">Mot de passe oublié ?</Link>
          {" · "}
          <Link href="/connexion/code">Recevoir un code de connexion par e-mail</Link>
        </p>
      ) : null}
      <Button type="submit" icon={<IconSignIn />} block busy={pending} busyLabel="Connexion en cours…">
        Se connecter
      </Button>
    </form>
  );
}
