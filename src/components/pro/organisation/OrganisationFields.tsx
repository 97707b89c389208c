"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Notice } from "@/components/ui/Notice";
import { TextField } from "@/components/ui/TextField";
import { CommunePicker, type PickedCommune } from "@/components/ui/pickers/CommunePicker";
import { useTRPC } from "@/lib/trpc/client";

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
type Lookup =
  | { status: "idle" | "looking" | "disabled" }
  | { status: "found"; name: string; addressLine: string | null; activity: string | null; open: boolean }
  | { status: "not_found" | "unreachable" };

/** What the company directory said about the SIRET, shown under it. */
function LookupNotice({ lookup }: { lookup: Lookup }) {
  if (lookup.status === "looking") return <p className="muted" role="status">Recherche dans le répertoire des entreprises…</p>;
  if (lookup.status === "found" && lookup.open) {
    return (
      <Notice tone="success" title="Établissement trouvé dans le répertoire des entreprises.">
        <p>
          Nous avons rempli le nom, l'adresse et la commune : vérifiez-les.
          {lookup.activity ? ` Activité : ${lookup.activity}.` : null}
        </p>
      </Notice>
    );
  }
  if (lookup.status === "not_found") {
    return (
      <Notice tone="info">
        <p>Ce SIRET n'est pas dans le répertoire public des entreprises : remplissez les champs vous-même.</p>
      </Notice>
    );
  }
  if (lookup.status === "unreachable") {
    return (
      <Notice tone="warning" title="Le répertoire des entreprises ne répond pas.">
        <p>Remplissez le nom, la commune et l'adresse vous-même : votre inscription marche quand même.</p>
      </Notice>
    );
  }
  return null;
}

export function OrganisationFields({ kind, fieldErrors, commune, onCommuneChange, withSiret = true, defaults }: Props) {
  const words = ORGANISATION_WORDS[kind];
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [lookup, setLookup] = useState<Lookup>({ status: "idle" });
  // the directory's details, written into the fields (remounted with them as defaults)
  const [prefill, setPrefill] = useState<{ key: number; organisationName?: string; addressLine?: string | null }>({ key: 0 });
  const looked = useRef<string | null>(null);
  const [closedMessage, setClosedMessage] = useState<string | null>(null);

  async function lookUp(value: string) {
    const digits = value.replace(/[\s.\u00a0\u202f]/g, "");
    if (!/^\d{14}$/.test(digits) || looked.current === digits) return;
    looked.current = digits;
    setClosedMessage(null);
    setLookup({ status: "looking" });
    try {
      const answer = await queryClient.fetchQuery(trpc.auth.lookupSiret.queryOptions({ siret: digits }, { staleTime: 60_000 }));
      if (answer.status !== "found") {
        setLookup({ status: answer.status });
        return;
      }
      const e = answer.establishment;
      const activity = e.activityLabel ? `${e.activityLabel} (${e.activityCode})` : e.activityCode;
      setLookup({ status: "found", name: e.name, addressLine: e.addressLine, activity, open: e.open });
      if (!e.open) {
        setClosedMessage(
          "Cet établissement est fermé d'après le répertoire des entreprises (INSEE). Indiquez le SIRET d'un établissement en activité : il figure sur un bulletin de salaire récent.",
        );
        return;
      }
      setPrefill((p) => ({ key: p.key + 1, organisationName: e.name, addressLine: e.addressLine }));
      if (answer.commune) onCommuneChange(answer.commune);
    } catch {
      // a checksum the server refuses, or too many look-ups: the person types the details
      setLookup({ status: "idle" });
    }
  }

  const siretError = fieldErrors.siret ?? (closedMessage ? [closedMessage] : undefined);
  return (
    <>
      {withSiret ? (
        <>
          <TextField
            id={ORGANISATION_FIELD_IDS.siret}
            label="Numéro SIRET"
            hint="14 chiffres, sur l'avis de situation INSEE ou un bulletin de salaire. Les espaces sont permis. Nous cherchons le nom et l'adresse dans le répertoire des entreprises."
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            error={siretError}
            onBlur={(event) => void lookUp(event.currentTarget.value)}
            onChange={(event) => {
              const digits = event.currentTarget.value.replace(/[\s.\u00a0\u202f]/g, "");
              if (digits.length === 14) void lookUp(digits);
            }}
          />
          <div aria-live="polite">
            <LookupNotice lookup={lookup} />
          </div>
        </>
      ) : null}
      <TextField
        key={`name-${prefill.key}`}
        id={ORGANISATION_FIELD_IDS.organisationName}
        label={`Nom ${words.of}`}
        autoComplete="organization"
        defaultValue={prefill.organisationName ?? defaults?.organisationName}
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
        key={`address-${prefill.key}`}
        id={ORGANISATION_FIELD_IDS.addressLine}
        label="Adresse (numéro et rue)"
        optional
        hint={kind === "company" ? "Les candidats que vous contactez la verront." : "Elle aide les personnes à vous trouver."}
        autoComplete="address-line1"
        defaultValue={(prefill.key ? prefill.addressLine : defaults?.addressLine) ?? undefined}
        error={fieldErrors.addressLine}
      />
    </>
  );
}
