"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, useTransition, type FormEvent } from "react";
import { signInAction } from "@/app/actions/session";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Notice } from "@/components/ui/Notice";
import { PasswordField } from "@/components/ui/PasswordField";
import { TextField } from "@/components/ui/TextField";
import { IconKey } from "@/components/ui/icons";
import { formErrorsOf, useTRPC } from "@/lib/trpc/client";

const FIELD_IDS = { code: "code", email: "email", password: "password" };

export function ActivateForm({ initialCode = "", forgotten = false }: { initialCode?: string; forgotten?: boolean }) {
  const trpc = useTRPC();
  const activate = useMutation(trpc.auth.activate.mutationOptions());
  const [attempt, setAttempt] = useState(0);
  const [signingIn, startSigningIn] = useTransition();
  const [signInFailed, setSignInFailed] = useState(false);

  const { fieldErrors, errors } = formErrorsOf(activate.error, FIELD_IDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (activate.isPending || signingIn) return;
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    activate.mutate(
      { code: String(form.get("code") ?? ""), email, password },
      {
        onError: () => setAttempt((n) => n + 1),
        onSuccess: () => {
          const credentials = new FormData();
          credentials.set("email", email);
          credentials.set("password", password);
          startSigningIn(async () => {
            const result = await signInAction(undefined, credentials);
            if (result?.code || result?.fieldErrors) setSignInFailed(true);
          });
        },
      },
    );
  }

  if (activate.isSuccess) {
    return (
      <Notice tone="success" title={forgotten ? "Votre nouveau mot de passe est enregistré." : "Votre compte est activé."}>
        {signInFailed ? (
          <p>
            La connexion automatique n'a pas marché. <Link href="/connexion">Connectez-vous</Link> avec votre adresse
            e-mail et votre mot de passe.
          </p>
        ) : (
          <p>Connexion en cours…</p>
        )}
      </Notice>
    );
  }

  return (
    <form onSubmit={onSubmit} className="form" noValidate method="post">
      <ErrorSummary errors={errors} focusKey={attempt} />
      <TextField
        id={FIELD_IDS.code}
        label="Code reçu"
        hint={
          forgotten
            ? "Il est dans l'e-mail reçu, ou sur le courrier de votre conseiller. Exemple : K7QM-4XTR-PZ"
            : "Il est écrit sur le courrier que l'on vous a remis. Exemple : K7QM-4XTR-PZ"
        }
        defaultValue={initialCode}
        autoComplete="off"
        autoCapitalize="characters"
        autoCorrect="off"
        spellCheck={false}
        inputClassName="input--code"
        error={fieldErrors.code}
      />
      <TextField
        id={FIELD_IDS.email}
        type="email"
        label="Votre adresse e-mail"
        hint="Elle vous servira à vous connecter."
        autoComplete="email"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        error={fieldErrors.email}
      />
      <PasswordField
        id={FIELD_IDS.password}
        label={forgotten ? "Nouveau mot de passe" : "Choisissez un mot de passe"}
        hint="Au moins 8 caractères, avec des lettres et au moins un chiffre. Évitez les mots de passe courants et votre nom."
        autoComplete="new-password"
        error={fieldErrors.password}
      />
      <Button type="submit" icon={<IconKey />} block busy={activate.isPending || signingIn} busyLabel="Activation…">
        {forgotten ? "Enregistrer mon nouveau mot de passe" : "Activer mon compte"}
      </Button>
    </form>
  );
}
