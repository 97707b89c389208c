"use client";

import { useActionState } from "react";
import { codeSignInAction, type CodeSignInState } from "@/app/actions/session";
import { Button } from "@/components/ui/Button";
import { ErrorSummary, summaryItems, type ErrorItem } from "@/components/ui/ErrorSummary";
import { Notice } from "@/components/ui/Notice";
import { TextField } from "@/components/ui/TextField";
import { IconKey, IconSignIn } from "@/components/ui/icons";
import { signInMessage } from "../SignInForm";

const CODE_MESSAGES: Partial<Record<NonNullable<CodeSignInState["code"]>, string>> = {
  invalid: "Ce code n'est pas bon, ou il a déjà servi, ou il a plus de 15 minutes. Vérifiez-le ou demandez-en un nouveau.",
};

/**
 * Signing in with a one-time code by e-mail, on one page: the address, then the code (the
 * e-mail's link fills it in). Works before the page's JavaScript has loaded.
 */
export function CodeSignInForm({ retour, initialCode }: { retour: string | null; initialCode: string | null }) {
  const [state, formAction, pending] = useActionState<CodeSignInState | undefined, FormData>(
    codeSignInAction,
    initialCode ? { sent: true } : undefined,
  );
  const fieldErrors = state?.fieldErrors ?? {};
  const refusal = state?.code ? (CODE_MESSAGES[state.code] ?? signInMessage(state)) : null;
  const errors: ErrorItem[] = [
    ...(state?.message ? [{ message: state.message }] : []),
    ...(refusal ? [{ message: refusal, fieldId: state?.code === "invalid" ? "code" : undefined }] : []),
    ...summaryItems(fieldErrors, { email: "email", code: "code" }),
  ];
  const sent = Boolean(state?.sent);
  return (
    <form action={formAction} className="form" noValidate>
      <ErrorSummary errors={errors} focusKey={state?.attempt} />
      {retour ? <input type="hidden" name="retour" value={retour} /> : null}
      {sent && state?.email && !state.code && !state.message && !state.fieldErrors ? (
        <Notice tone="success" title="Regardez vos e-mails.">
          <p>
            Si un compte existe avec l'adresse {state.email}, un e-mail vient d'y partir avec un code valable 15 minutes.
            Il peut mettre quelques minutes à arriver : regardez aussi dans les indésirables.
          </p>
        </Notice>
      ) : null}
      <TextField
        id="email"
        name="email"
        type="email"
        label="Adresse e-mail de votre compte"
        autoComplete="email"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        defaultValue={state?.email ?? ""}
        error={fieldErrors.email}
      />
      {sent ? (
        <>
          <TextField
            id="code"
            name="code"
            label="Code reçu"
            hint="10 caractères, par exemple K7QM-4XTR-PZ."
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            defaultValue={initialCode ?? ""}
            error={fieldErrors.code}
          />
          <Button type="submit" name="intent" value="signin" icon={<IconSignIn />} block busy={pending} busyLabel="Connexion en cours…">
            Se connecter
          </Button>
          <Button type="submit" name="intent" value="send" variant="secondary" icon={<IconKey />} block>
            Recevoir un nouveau code
          </Button>
        </>
      ) : (
        <Button type="submit" name="intent" value="send" icon={<IconKey />} block busy={pending} busyLabel="Envoi…">
          Recevoir un code par e-mail
        </Button>
      )}
    </form>
  );
}
