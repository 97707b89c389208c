"use client";

import { formatDate } from "@/lib/dates";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Notice } from "@/components/ui/Notice";
import { TextField } from "@/components/ui/TextField";
import { IconPrint, IconUserPlus } from "@/components/ui/icons";
import { useMutationForm } from "@/components/ui/useMutationForm";
import { useTRPC } from "@/lib/trpc/client";
import type { OrganisationKind } from "./OrganisationFields";

const FIELD_IDS = { firstName: "recruiterFirstName", lastName: "recruiterLastName", email: "recruiterEmail" };

type Props = {
  kind: OrganisationKind;
  organisationName: string;
  activationUrl: string;
  /** the instance's time zone, for the code's expiry date */
  timeZone: string;
};

/**
 * The owner adds a recruiter: a pending account and a one-time code, shown once, to hand
 * over (or print); the person activates the account on the "Activer mon compte" page.
 */
export function AddRecruiterForm({ kind, organisationName, activationUrl, timeZone }: Props) {
  const trpc = useTRPC();
  const form = useMutationForm({
    mutation: trpc.organisations.addRecruiter.mutationOptions(),
    fieldIds: FIELD_IDS,
    input: (fields) => ({
      firstName: String(fields.get(FIELD_IDS.firstName) ?? ""),
      lastName: String(fields.get(FIELD_IDS.lastName) ?? ""),
      email: String(fields.get(FIELD_IDS.email) ?? ""),
    }),
    // the list of recruiters shows the new (pending) account
    refresh: true,
  });
  const { mutation: add, fieldErrors, errors, resultRef } = form;

  const title = kind === "company" ? "Ajouter un recruteur" : "Ajouter une personne à l'équipe";

  if (add.isSuccess) {
    const { user, accessCode, expiresAt } = add.data;
    return (
      <section className="card company-code" aria-labelledby="recruiter-code-title">
        <h2 id="recruiter-code-title" className="card__title" ref={resultRef} tabIndex={-1}>
          <IconUserPlus />
          <span>
            Compte créé pour {user.firstName} {user.lastName}
          </span>
        </h2>
        <Notice tone="success" className="no-print">
          <p>
            <strong>Donnez ce code à la personne : elle l'utilisera sur la page Activer mon compte.</strong> Il ne sera
            plus affiché ensuite : notez-le ou imprimez cette page.
          </p>
        </Notice>
        <article className="letter" aria-label={`Code d'accès de ${user.firstName} ${user.lastName}`}>
          <p>
            <strong>{organisationName}</strong>
          </p>
          <p>
            Bonjour {user.firstName} {user.lastName},
          </p>
          <p>{kind === "company" ? "Votre compte de recruteur est prêt." : "Votre compte est prêt."} Pour l'activer :</p>
          <ol className="steps">
            <li>
              Allez sur la page « Activer mon compte » : <strong>{activationUrl}</strong>
            </li>
            <li>
              Tapez ce code :
              <span className="letter__code" data-testid="access-code">
                {accessCode}
              </span>
            </li>
            <li>
              Indiquez votre adresse e-mail ({user.email}) et choisissez un mot de passe.
            </li>
          </ol>
          <p>
            Ce code marche une seule fois, jusqu'au <strong>{formatDate(expiresAt, timeZone)}</strong>.
          </p>
        </article>
        <div className="actions no-print">
          <Button icon={<IconPrint />} onClick={() => window.print()}>
            Imprimer le code
          </Button>
          <Button
            variant="secondary"
            icon={<IconUserPlus />}
            onClick={() => {
              add.reset();
              form.clearForm();
              setTimeout(() => document.getElementById(FIELD_IDS.firstName)?.focus(), 0);
            }}
          >
            Ajouter une autre personne
          </Button>
        </div>
      </section>
    );
  }

  return (
    <section className="card no-print" id="ajouter" aria-labelledby="ajouter-title">
      <h2 className="card__title" id="ajouter-title">
        <IconUserPlus />
        <span>{title}</span>
      </h2>
      <p>
        Son compte sera rattaché à {organisationName}. Vous recevrez un code à lui donner : elle ou il choisira son mot
        de passe en activant son compte.
      </p>
      <form key={form.formKey} onSubmit={form.onSubmit} className="form" noValidate method="post" aria-label={title}>
        <ErrorSummary errors={errors} focusKey={form.attempt} />
        <TextField id={FIELD_IDS.firstName} label="Son prénom" autoComplete="off" error={fieldErrors.firstName} />
        <TextField id={FIELD_IDS.lastName} label="Son nom" autoComplete="off" error={fieldErrors.lastName} />
        <TextField
          id={FIELD_IDS.email}
          type="email"
          label="Son adresse e-mail"
          hint="Elle lui servira à se connecter."
          autoComplete="off"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          error={fieldErrors.email}
        />
        <Button type="submit" icon={<IconUserPlus />} busy={add.isPending} busyLabel="Création du compte…">
          {title}
        </Button>
      </form>
    </section>
  );
}
