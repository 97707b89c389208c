"use client";

import { CONTRACT_LABELS, CONTRACTS, type Contract } from "@/server/offers/labels";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Notice } from "@/components/ui/Notice";
import { SelectField, TextField } from "@/components/ui/TextField";
import { useMutationForm } from "@/components/ui/useMutationForm";
import { useTRPC } from "@/lib/trpc/client";
import "./followup.css";

const FIELD_IDS = {
  employerName: "placement-employer",
  jobTitle: "placement-job",
  romeCode: "placement-rome",
  contract: "placement-contract",
  startsOn: "placement-start",
  hoursPerWeek: "placement-hours",
};

/**
 * An adviser records a hire by hand (a job found without the platform, or an employer not
 * registered here). The three check-ins (+1, +3, +6 months) are created with it.
 */
export function CreatePlacementForm({ profileId }: { profileId: string }) {
  const trpc = useTRPC();
  const form = useMutationForm({
    mutation: trpc.followup.createPlacement.mutationOptions(),
    fieldIds: FIELD_IDS,
    input: (fields) => {
      const text = (k: string) => String(fields.get(k) ?? "").trim();
      const hours = text("hoursPerWeek").replace(",", ".");
      return {
        profileId,
        employerName: text("employerName") || null,
        jobTitle: text("jobTitle"),
        romeCode: text("romeCode").toUpperCase() || null,
        contract: (text("contract") || undefined) as Contract,
        startsOn: text("startsOn"),
        hoursPerWeek: hours ? Number(hours) : null,
      };
    },
    refresh: true,
    clearOnSuccess: true,
  });
  const { mutation: create, fieldErrors, errors } = form;

  return (
    <form key={form.formKey} onSubmit={form.onSubmit} className="form" noValidate method="post">
      <ErrorSummary errors={errors} focusKey={form.attempt} />
      {create.isSuccess ? <Notice tone="success">L'emploi est enregistré, avec ses points de suivi à 1, 3 et 6 mois.</Notice> : null}
      <TextField id={FIELD_IDS.employerName} name="employerName" label="Employeur" autoComplete="off" error={fieldErrors.employerName ?? fieldErrors.employerId} />
      <TextField id={FIELD_IDS.jobTitle} name="jobTitle" label="Poste occupé" autoComplete="off" error={fieldErrors.jobTitle} />
      <TextField
        id={FIELD_IDS.romeCode}
        name="romeCode"
        label="Code ROME"
        optional
        hint="Par exemple J1501."
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        error={fieldErrors.romeCode}
      />
      <SelectField
        id={FIELD_IDS.contract}
        name="contract"
        label="Type de contrat"
        defaultValue=""
        options={[{ value: "", label: "Choisissez…" }, ...CONTRACTS.map((c) => ({ value: c, label: CONTRACT_LABELS[c] }))]}
        error={fieldErrors.contract}
      />
      <TextField
        id={FIELD_IDS.startsOn}
        name="startsOn"
        type="date"
        label="Date de début"
        hint="Elle peut être passée : les points de suivi déjà échus seront à faire tout de suite."
        error={fieldErrors.startsOn}
      />
      <TextField
        id={FIELD_IDS.hoursPerWeek}
        name="hoursPerWeek"
        label="Heures par semaine"
        optional
        inputMode="decimal"
        autoComplete="off"
        error={fieldErrors.hoursPerWeek}
      />
      <Button type="submit" busy={create.isPending} busyLabel="Enregistrement…">
        Enregistrer l'emploi
      </Button>
    </form>
  );
}
