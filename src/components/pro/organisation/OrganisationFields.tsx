"use client";

import { TextField } from "@/components/ui/TextField";
import { CommunePicker, type PickedCommune } from "@/components/ui/pickers/CommunePicker";

export type OrganisationKind = "company" | "training_org";

/** Server field names → ids of the inputs, in the order of the fields below. */
export const ORGANISATION_FIELD_IDS = {
  siret: "siret",
  organisationName: "organisationName",
  communeInsee: "communeInsee",
  addressLine: "addressLine",
};

export const ORGANISATION_WORDS: Record<OrganisationKind, { the: string; of: string }> = {
  company: { the: "l'entreprise", of: "de l'entreprise" },
  training_org: { the: "l'organisme", of: "de l'organisme" },
};

type Props = {
  kind: OrganisationKind;
  fieldErrors: Record<string, string[]>;
  commune: PickedCommune | null;
  onCommuneChange: (commune: PickedCommune | null) => void;
  /** the SIRET is asked at registration only: it identifies the organisation afterwards */
  withSiret?: boolean;
  defaults?: { organisationName?: string; addressLine?: string | null };
};

/**
 * SIRET, name, commune and street address of a company or training organisation: in the
 * sign-up form, the registration form and the owner's edit form. The inputs are read from
 * the form's FormData (`siret`, `organisationName`, `addressLine`); the commune comes from
 * `commune`.
 */
export function OrganisationFields({ kind, fieldErrors, commune, onCommuneChange, withSiret = true, defaults }: Props) {
  const words = ORGANISATION_WORDS[kind];
  return (
    <>
      {withSiret ? (
        <TextField
          id={ORGANISATION_FIELD_IDS.siret}
          label="Numéro SIRET"
          hint="14 chiffres, sur l'avis de situation INSEE ou un bulletin de salaire. Les espaces sont permis."
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          error={fieldErrors.siret}
        />
      ) : null}
      <TextField
        id={ORGANISATION_FIELD_IDS.organisationName}
        label={`Nom ${words.of}`}
        autoComplete="organization"
        defaultValue={defaults?.organisationName}
        error={fieldErrors.organisationName}
      />
      <CommunePicker
        id={ORGANISATION_FIELD_IDS.communeInsee}
        label={`Commune ${words.of}`}
        error={fieldErrors.communeInsee}
        value={commune}
        onChange={onCommuneChange}
      />
      <TextField
        id={ORGANISATION_FIELD_IDS.addressLine}
        label="Adresse (numéro et rue)"
        optional
        hint={kind === "company" ? "Les candidats que vous contactez la verront." : "Elle aide les personnes à vous trouver."}
        autoComplete="address-line1"
        defaultValue={defaults?.addressLine ?? undefined}
        error={fieldErrors.addressLine}
      />
    </>
  );
}
