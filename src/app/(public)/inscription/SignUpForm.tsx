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
import type { PickedCommune } from "@/components/ui/pickers/CommunePicker";
import { ORGANISATION_FIELD_IDS, OrganisationFields } from "@/components/pro/organisation/OrganisationFields";
import { formErrorsOf, useTRPC } from "@/lib/trpc/client";
import type { SignUpInput } from "@/server/signup/inputs";

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

const CONFIRM_FIELD_IDS = { code: "code", email: "code" };

/** Step 2, on the same page: the 6-digit code sent by e-mail. */
function ConfirmStep(props: {
  email: string;
  busy: boolean;
  error: unknown;
  resending: boolean;
  resendError: unknown;
  resent: number;
  attempt: number;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onResend: () => void;
  onChangeAddress: () => void;
}) {
  const { fieldErrors, errors } = formErrorsOf(props.error as never, CONFIRM_FIELD_IDS);
  const resend = formErrorsOf(props.resendError as never, CONFIRM_FIELD_IDS);
  return (
    <form onSubmit={props.onSubmit} className="form" noValidate method="post">
      <ErrorSummary errors={[...errors, ...resend.errors]} focusKey={props.attempt} />
      <Notice tone="success" title="Regardez vos e-mails." live="none">
        <p>
          Nous avons envoyé un code à 6 chiffres à <strong>{props.email}</strong>. Il peut mettre quelques minutes à
          arriver : regardez aussi dans les indésirables. Le code marche pendant 30 minutes.
        </p>
      </Notice>
      {props.resent > 0 ? (
        <Notice tone="info">
          <p>Un nouveau code vient de partir. Utilisez le dernier reçu.</p>
        </Notice>
      ) : null}
      <TextField
        id="code"
        name="code"
        label="Code reçu par e-mail"
        hint="6 chiffres, par exemple 407183."
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        error={fieldErrors.code}
      />
      <Button type="submit" icon={<IconUserPlus />} block busy={props.busy} busyLabel="Création du compte…">
        Valider et créer mon compte
      </Button>
      <p>
        <Button type="button" variant="secondary" block busy={props.resending} busyLabel="Envoi…" onClick={props.onResend}>
          Renvoyer le code
        </Button>
      </p>
      <p>
        <Button type="button" variant="secondary" block onClick={props.onChangeAddress}>
          Modifier mon adresse e-mail
        </Button>
      </p>
    </form>
  );
}

export function SignUpForm({ initialRole }: { initialRole?: SignUpRole }) {
  const trpc = useTRPC();
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const confirm = useMutation(trpc.auth.confirmSignUp.mutationOptions());
  // what was sent, kept in memory only, to send it again ("renvoyer le code") and sign in after the code
  const [sent, setSent] = useState<SignUpInput | null>(null);
  const [resent, setResent] = useState(0);
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
      // A code is on its way (the same answer whether or not the address has an account).
      onSuccess: () => setSent(input),
    });
  }

  function onConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!sent || confirm.isPending || signingIn) return;
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    confirm.mutate(
      { email: sent.email, code },
      {
        onError: () => setAttempt((n) => n + 1),
        onSuccess: () => {
          // The account exists: sign in at once, then go to the person's space.
          const credentials = new FormData();
          credentials.set("email", sent.email);
          credentials.set("password", sent.password);
          startSigningIn(async () => {
            const result = await signInAction(undefined, credentials);
            if (result?.code || result?.fieldErrors) setSignInFailed(true);
          });
        },
      },
    );
  }

  if (sent && !confirm.isSuccess) {
    return (
      <ConfirmStep
        email={sent.email}
        busy={confirm.isPending || signingIn}
        error={confirm.error}
        resending={signUp.isPending}
        resendError={signUp.error}
        resent={resent}
        attempt={attempt}
        onSubmit={onConfirm}
        onResend={() => signUp.mutate(sent, { onError: () => setAttempt((n) => n + 1), onSuccess: () => setResent((n) => n + 1) })}
        onChangeAddress={() => {
          setSent(null);
          signUp.reset();
          confirm.reset();
        }}
      />
    );
  }

  if (confirm.isSuccess) {
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
