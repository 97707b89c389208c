"use client";

import { useState } from "react";
import { formatDate } from "@/lib/dates";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Notice } from "@/components/ui/Notice";
import { TextField } from "@/components/ui/TextField";
import { IconPrint, IconUserPlus } from "@/components/ui/icons";
import { AccessCodePanel } from "@/components/adviser/cv/AccessCodePanel";
import { useMutationForm } from "@/components/ui/useMutationForm";
import { useTRPC } from "@/lib/trpc/client";

const FIELD_IDS = { firstName: "firstName", lastName: "lastName", email: "email" };

type Props = {
  activationUrl: string;
  displayName: string;
  organisation: string;
  adviserName: string;
  /** the instance's time zone, for the code's expiry date */
  timeZone: string;
};

export function CreateBeneficiaryForm({ activationUrl, displayName, organisation, adviserName, timeZone }: Props) {
  const trpc = useTRPC();
  const form = useMutationForm({
    mutation: trpc.accounts.createBeneficiary.mutationOptions(),
    fieldIds: FIELD_IDS,
    input: (fields) => {
      const email = String(fields.get("email") ?? "").trim();
      return {
        firstName: String(fields.get("firstName") ?? ""),
        lastName: String(fields.get("lastName") ?? ""),
        email: email || undefined,
      };
    },
  });
  const { mutation: create, fieldErrors, errors, resultRef } = form;
  // a new code given from this screen replaces the one of the letter below
  const [renewed, setRenewed] = useState<{ code: string; expiresAt: string } | null>(null);

  if (create.isSuccess) {
    const { user } = create.data;
    const accessCode = renewed?.code ?? create.data.accessCode;
    const expiresAt = renewed?.expiresAt ?? create.data.expiresAt;
    return (
      <section aria-labelledby="letter-result-title">
        <div className="no-print">
          <h2 id="letter-result-title" ref={resultRef} tabIndex={-1}>
            Compte créé pour {user.firstName} {user.lastName}
          </h2>
          <Notice tone="success">
            <p>
              Remettez ce courrier à la personne : imprimez cette page ou téléchargez le courrier en PDF, il porte le même
              code. S'il est perdu, donnez-lui un nouveau code : l'ancien ne marchera plus.
            </p>
          </Notice>
          <div className="actions">
            <Button icon={<IconPrint />} onClick={() => window.print()}>
              Imprimer le courrier
            </Button>
            <Button
              variant="secondary"
              icon={<IconUserPlus />}
              onClick={() => {
                create.reset();
                form.clearForm();
                setRenewed(null);
              }}
            >
              Créer un autre compte
            </Button>
          </div>
          <AccessCodePanel
            userId={user.id}
            personName={`${user.firstName} ${user.lastName}`.trim()}
            initial={{ code: create.data.accessCode, expiresAt: new Date(create.data.expiresAt).toISOString() }}
            timeZone={timeZone}
            showCode={false}
            onRenewed={setRenewed}
          />
        </div>

        <article className="letter" aria-label={`Courrier pour ${user.firstName} ${user.lastName}`}>
          <p>
            <strong>{organisation}</strong>
            <br />
            {displayName}
          </p>
          <p>
            Bonjour {user.firstName} {user.lastName},
          </p>
          <p>Votre compte {displayName} est prêt. Il vous permettra de faire votre CV et de trouver un emploi près de chez vous.</p>
          <p>Pour l'activer :</p>
          <ol className="steps">
            <li>
              Allez sur <strong>{activationUrl}</strong>
            </li>
            <li>
              Tapez ce code :
              <span className="letter__code" data-testid="access-code">
                {accessCode}
              </span>
            </li>
            <li>Choisissez votre adresse e-mail et un mot de passe.</li>
          </ol>
          <p>
            Ce code marche une seule fois, jusqu'au <strong>{formatDate(expiresAt, timeZone)}</strong>.
          </p>
          <p>
            Votre conseiller : {adviserName}
          </p>
        </article>
      </section>
    );
  }

  return (
    <Card title="Créer le compte d'une personne" icon={<IconUserPlus />} id="creer" className="no-print">
      <form key={form.formKey} onSubmit={form.onSubmit} className="form" noValidate method="post">
        <ErrorSummary errors={errors} focusKey={form.attempt} />
        <TextField id={FIELD_IDS.firstName} label="Prénom" autoComplete="off" error={fieldErrors.firstName} />
        <TextField id={FIELD_IDS.lastName} label="Nom" autoComplete="off" error={fieldErrors.lastName} />
        <TextField
          id={FIELD_IDS.email}
          type="email"
          label="Adresse e-mail"
          optional
          hint="Si la personne n'en a pas encore, laissez vide : elle la donnera en activant son compte."
          autoComplete="off"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          error={fieldErrors.email}
        />
        <Button type="submit" icon={<IconUserPlus />} busy={create.isPending} busyLabel="Création…">
          Créer le compte
        </Button>
      </form>
    </Card>
  );
}
