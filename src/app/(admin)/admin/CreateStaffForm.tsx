"use client";

import { ROLE_LABELS } from "@/components/roles";
import { formatDate } from "@/lib/dates";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Notice } from "@/components/ui/Notice";
import { SelectField, TextField } from "@/components/ui/TextField";
import { IconUserPlus } from "@/components/ui/icons";
import { useMutationForm } from "@/components/ui/useMutationForm";
import { useTRPC } from "@/lib/trpc/client";

const STAFF_ROLES = ["adviser", "admin", "training_org", "employer"] as const;
type StaffRole = (typeof STAFF_ROLES)[number];

const FIELD_IDS = {
  role: "staff-role",
  firstName: "staff-firstName",
  lastName: "staff-lastName",
  email: "staff-email",
  territoryCode: "staff-territory",
};

type Props = {
  territories: { code: string; name: string }[];
  /** the instance's time zone, for the code's expiry date */
  timeZone: string;
};

export function CreateStaffForm({ territories, timeZone }: Props) {
  const trpc = useTRPC();
  const form = useMutationForm({
    mutation: trpc.accounts.createStaff.mutationOptions(),
    fieldIds: FIELD_IDS,
    input: (fields) => {
      const territoryCode = String(fields.get("territoryCode") ?? "");
      return {
        role: String(fields.get("role") ?? "") as StaffRole,
        firstName: String(fields.get("firstName") ?? ""),
        lastName: String(fields.get("lastName") ?? ""),
        email: String(fields.get("email") ?? ""),
        territoryCode: territoryCode || null,
      };
    },
    // the new account appears in the list below
    refresh: true,
  });
  const { mutation: create, fieldErrors, errors, resultRef } = form;

  return (
    <Card title="Créer un compte professionnel" icon={<IconUserPlus />} id="creer-compte">
      {create.isSuccess ? (
        <div>
          <h3 ref={resultRef} tabIndex={-1}>
            Compte créé : {create.data.user.firstName} {create.data.user.lastName} ({ROLE_LABELS[create.data.user.role]})
          </h3>
          {create.data.accessCode ? (
            <>
              <p>
                Transmettez ce code à la personne. Elle l'utilisera sur la page « Activer mon compte » pour choisir son
                mot de passe. Il ne sera plus affiché ensuite.
              </p>
              <p className="letter__code" data-testid="staff-access-code">
                {create.data.accessCode}
              </p>
              {create.data.expiresAt ? <p>Valable jusqu'au {formatDate(create.data.expiresAt, timeZone)}.</p> : null}
            </>
          ) : (
            <Notice tone="success">
              <p>Le compte est actif.</p>
            </Notice>
          )}
          <Button
            variant="secondary"
            icon={<IconUserPlus />}
            onClick={() => {
              create.reset();
              form.clearForm();
            }}
          >
            Créer un autre compte
          </Button>
        </div>
      ) : (
        <form key={form.formKey} onSubmit={form.onSubmit} className="form" noValidate method="post">
          <ErrorSummary errors={errors} focusKey={form.attempt} />
          <SelectField
            id={FIELD_IDS.role}
            name="role"
            label="Type de compte"
            defaultValue="adviser"
            error={fieldErrors.role}
            options={STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          />
          <TextField id={FIELD_IDS.firstName} name="firstName" label="Prénom" autoComplete="off" error={fieldErrors.firstName} />
          <TextField id={FIELD_IDS.lastName} name="lastName" label="Nom" autoComplete="off" error={fieldErrors.lastName} />
          <TextField
            id={FIELD_IDS.email}
            name="email"
            type="email"
            label="Adresse e-mail professionnelle"
            autoComplete="off"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            error={fieldErrors.email}
          />
          <SelectField
            id={FIELD_IDS.territoryCode}
            name="territoryCode"
            label="Territoire"
            hint="Pour un conseiller : le territoire qu'il suit."
            defaultValue=""
            error={fieldErrors.territoryCode}
            options={[{ value: "", label: "Tout le département" }, ...territories.map((t) => ({ value: t.code, label: t.name }))]}
          />
          <Button type="submit" icon={<IconUserPlus />} busy={create.isPending} busyLabel="Création…">
            Créer le compte
          </Button>
        </form>
      )}
    </Card>
  );
}
