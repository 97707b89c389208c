"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, useTransition, type FormEvent } from "react";
import { signInAction } from "@/app/actions/session";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Checkbox";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Notice } from "@/components/ui/Notice";
import { PasswordField } from "@/components/ui/PasswordField";
import { RadioCards } from "@/components/ui/RadioCards";
import { TextField } from "@/components/ui/TextField";
import { IconBriefcase, IconDocument, IconJobSearch, IconUserPlus } from "@/components/ui/icons";
import type { PickedCommune } from "@/components/pro/CommuneField";
import { ORGANISATION_FIELD_IDS, OrganisationFields } from "@/components/pro/company/OrganisationFields";
import { formErrorsOf, useTRPC } from "@/lib/trpc/client";
import type { SignUpInput } from "@/server/auth/inputs";

export type SignUpRole = "beneficiary" | "employer" | "training_org";

// Server field names → ids of the inputs, in the order of the form (the organisation's
// fields come first for employers and training organisations).
const FIELD_IDS = {
  role: "role",
  ...ORGANISATION_FIELD_IDS,
  firstName: "firstName",
  lastName: "lastName",
  email: "email",
  password: "password",
  acceptTerms: "acceptTerms",
};

export function SignUpForm({ initialRole }: { initialRole?: SignUpRole }) {
  const trpc = useTRPC();
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const [role, setRole] = useState<SignUpRole | undefined>(initialRole);
  const [commune, setCommune] = useState<PickedCommune | null>(null);
  const organisationKind = role === "employer" ? "company" : role === "training_org" ? "training_org" : null;
  const [attempt, setAttempt] = useState(0);
  const [signingIn, startSigningIn] = useTransition();
  const [signInFailed, setSignInFailed] = useState(false);

  const { fieldErrors, errors } = formErrorsOf(signUp.error, FIELD_IDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (signUp.isPending || signingIn) return;
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    const input = {
      role,
      firstName: String(form.get("firstName") ?? ""),
      lastName: String(form.get("lastName") ?? ""),
      email,
      password,
      acceptTerms: form.get("acceptTerms") === "on",
      // employers and training organisations: always sent (empty when not filled in), so that
      // every missing field gets its message in the same round
      ...(organisationKind
        ? {
            siret: String(form.get("siret") ?? ""),
            organisationName: String(form.get("organisationName") ?? ""),
            communeInsee: commune?.insee ?? "",
            addressLine: String(form.get("addressLine") ?? ""),
          }
        : {}),
    } as unknown as SignUpInput; // the server says what is missing, field by field
    signUp.mutate(input, {
      onError: () => setAttempt((n) => n + 1),
      onSuccess: () => {
        // The account exists: sign in at once, then go to the person's space.
        const credentials = new FormData();
        credentials.set("email", email);
        credentials.set("password", password);
        startSigningIn(async () => {
          const result = await signInAction(undefined, credentials);
          if (result?.code || result?.fieldErrors) setSignInFailed(true);
        });
      },
    });
  }

  if (signUp.isSuccess) {
    return signInFailed ? (
      <Notice tone="success" title="Votre compte est créé.">
        <p>
          La connexion automatique n'a pas marché. <Link href="/connexion">Connectez-vous</Link> avec votre adresse
          e-mail et votre mot de passe.
        </p>
      </Notice>
    ) : (
      <Notice tone="success" title="Votre compte est créé.">
        <p>Connexion en cours…</p>
      </Notice>
    );
  }

  const busy = signUp.isPending || signingIn;
  return (
    <form onSubmit={onSubmit} className="form" noValidate method="post">
      <ErrorSummary errors={errors} focusKey={attempt} />
      <RadioCards
        id={FIELD_IDS.role}
        name="role"
        legend="Vous êtes :"
        value={role ?? ""}
        onChange={(v) => setRole(v as SignUpRole)}
        error={fieldErrors.role}
        options={[
          { value: "beneficiary", label: "Je cherche un emploi", icon: <IconJobSearch size="2rem" /> },
          { value: "employer", label: "Je recrute", hint: "Pour une entreprise ou une association", icon: <IconBriefcase size="2rem" /> },
          {
            value: "training_org",
            label: "Organisme de formation",
            hint: "Je publie des formations",
            icon: <IconDocument size="2rem" />,
          },
        ]}
      />
      {role ? (
        <>
          {organisationKind ? (
            <>
              <h2>{organisationKind === "company" ? "Votre entreprise" : "Votre organisme"}</h2>
              <OrganisationFields
                kind={organisationKind}
                fieldErrors={fieldErrors}
                commune={commune}
                onCommuneChange={setCommune}
              />
              <h2>Vous</h2>
            </>
          ) : null}
          <TextField
            id={FIELD_IDS.firstName}
            label="Prénom"
            autoComplete="given-name"
            error={fieldErrors.firstName}
          />
          <TextField id={FIELD_IDS.lastName} label="Nom" autoComplete="family-name" error={fieldErrors.lastName} />
          <TextField
            id={FIELD_IDS.email}
            type="email"
            label="Adresse e-mail"
            hint="Elle vous servira à vous connecter."
            autoComplete="email"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            error={fieldErrors.email}
          />
          <PasswordField
            id={FIELD_IDS.password}
            label="Mot de passe"
            hint="Au moins 8 caractères, avec des lettres et au moins un chiffre. Évitez les mots de passe courants et votre nom."
            autoComplete="new-password"
            error={fieldErrors.password}
          />
          <Checkbox
            id={FIELD_IDS.acceptTerms}
            name="acceptTerms"
            label="J'accepte les conditions d'utilisation du service."
            hint={
              <>
                Pour savoir ce que nous gardons sur vous, lisez la page{" "}
                <Link href="/donnees-personnelles" target="_blank">
                  Données personnelles (s'ouvre dans un nouvel onglet)
                </Link>
                .
              </>
            }
            error={fieldErrors.acceptTerms}
          />
          <Button type="submit" icon={<IconUserPlus />} block busy={busy} busyLabel="Création du compte…">
            Créer mon compte
          </Button>
        </>
      ) : (
        <p className="muted">Choisissez une réponse pour continuer.</p>
      )}
    </form>
  );
}
