"use client";

import { Button } from "@/components/ui/Button";
import { RadioCards } from "@/components/ui/RadioCards";
import { useTRPCClient } from "@/lib/trpc/client";
import { IconLocate, IconPin } from "@/components/ui/icons";
import { Combobox } from "@/components/ui/pickers/Combobox";
import {
  COMMUNE_NOUN,
  communeOption,
  communeText,
  useCommuneSearch,
  useLocateCommune,
  type PickedCommune,
} from "@/components/ui/pickers/communes";
import { target } from "./target";
import type { StepProps } from "./types";
import { useDraft } from "./useDraft";
import { messagesFor } from "@/components/ui/formErrors";
import { useStepSubmit, WizardForm } from "@/components/cv/wizard/WizardForm";

export type PlaceValues = {
  query: string;
  commune: PickedCommune | null;
  /** the phone's position, when the person used it */
  point: { lat: number; lng: number } | null;
  keepPrecise: "" | "yes" | "no";
};

const FIELD_IDS: Array<[string, string]> = [
  ["communeInsee", "commune"],
  ["precisePoint", "keepPrecise"],
];

export function PlaceStep({ draftKey, initial, next, prevHref, prevLabel, profileId }: StepProps<PlaceValues>) {
  const client = useTRPCClient();
  const { value, update, restored, clear } = useDraft(draftKey, initial);
  const state = useStepSubmit({ next, clearDraft: clear });
  const position = useLocateCommune(
    {
      unsupported: "Votre téléphone ne donne pas sa position : écrivez le nom de votre commune.",
      notFound: "Nous n'avons pas trouvé votre commune : écrivez son nom.",
      noPosition: "Nous n'avons pas pu avoir votre position : écrivez le nom de votre commune.",
      offline: "Pas de connexion : réessayez, ou écrivez le nom de votre commune.",
    },
    { enableHighAccuracy: false, timeout: 20_000, maximumAge: 600_000 },
  );

  const search = useCommuneSearch(value.query, Boolean(value.commune));

  const locate = () =>
    position.locate(true, (point, commune) => update((v) => ({ ...v, query: "", commune, point, keepPrecise: "" })));

  function onSubmit() {
    const checks: Record<string, string[]> = {};
    if (value.commune && value.point && !value.keepPrecise) {
      checks.precisePoint = ["Dites si nous gardons votre position précise."];
    }
    void state.submit(
      () =>
        client.profile.savePlace.mutate({
          ...target(profileId),
          communeInsee: value.commune?.insee ?? "",
          precisePoint: value.keepPrecise === "yes" && value.point ? value.point : null,
        }),
      checks,
    );
  }

  const communeErrors = messagesFor(state.fieldErrors, "communeInsee");
  return (
    <WizardForm state={state} fieldIds={FIELD_IDS} onSubmit={onSubmit} prevHref={prevHref} prevLabel={prevLabel} restored={restored}>
      {value.commune ? (
        <div className={communeErrors.length ? "field field--invalid" : "field"}>
          <p className="field__label" id="commune-label">
            Votre commune
          </p>
          {communeErrors.length ? (
            <p className="field__error" id="commune-error">
              {communeErrors[0]}
            </p>
          ) : null}
          <div className="picked">
            <span className="picked__text">
              <IconPin />
              <span data-testid="commune-choisie">{communeText(value.commune)}</span>
            </span>
            <Button
              variant="secondary"
              small
              id="commune"
              aria-label={`Changer de commune (${value.commune.name})`}
              onClick={() => {
                update((v) => ({ ...v, commune: null, point: null, keepPrecise: "" }));
                // back to the search field
                setTimeout(() => document.getElementById("commune")?.focus(), 0);
              }}
            >
              Changer
            </Button>
          </div>
        </div>
      ) : (
        <>
          <Combobox
            id="commune"
            label="Votre commune ou votre code postal"
            hint="Écrivez le début du nom, par exemple « blois », ou le code postal."
            error={communeErrors}
            query={value.query}
            onQueryChange={(query) => update((v) => ({ ...v, query }))}
            items={search.items}
            more={search.more}
            itemKey={(c) => c.insee}
            renderItem={communeOption}
            onSelect={(c) => update((v) => ({ ...v, commune: { insee: c.insee, name: c.name, postcodes: c.postcodes }, point: null, keepPrecise: "" }))}
            loading={search.isFetching}
            noun={COMMUNE_NOUN}
          />
          <p className="muted">ou</p>
          <div className="field">
            <Button variant="secondary" block icon={<IconLocate />} onClick={locate} busy={position.locating} busyLabel="Recherche de votre position…">
              Utiliser ma position
            </Button>
            {position.error ? (
              <p className="inline-error" role="status">
                {position.error}
              </p>
            ) : null}
          </div>
        </>
      )}

      {value.commune && value.point ? (
        <RadioCards
          id="keepPrecise"
          name="keepPrecise"
          legend="Garder ma position précise ?"
          hint="Votre adresse n'est jamais montrée aux entreprises."
          value={value.keepPrecise}
          onChange={(v) => update((s) => ({ ...s, keepPrecise: v as PlaceValues["keepPrecise"] }))}
          error={messagesFor(state.fieldErrors, "precisePoint")}
          options={[
            { value: "no", label: "Non, seulement ma commune", hint: "Les distances partent du centre de la commune." },
            { value: "yes", label: "Oui, garder ma position", hint: "Les distances aux offres seront plus justes." },
          ]}
        />
      ) : null}
    </WizardForm>
  );
}
