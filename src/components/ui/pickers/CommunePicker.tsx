"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/Button";
import { IconLocate, IconPin } from "@/components/ui/icons";
import { FieldError, FieldHint, messagesOf, type FieldMessages } from "@/components/ui/TextField";
import { Combobox } from "./Combobox";
import { COMMUNE_NOUN, communeOption, communeText, useCommuneSearch, type PickedCommune } from "./communes";
// the combobox and "picked" styles
import "@/components/ui/widgets.css";

export type { PickedCommune };
export { useLocateCommune } from "./communes";

type Props = {
  /** id of the input (or of the "Changer" button once a commune is chosen): the error summary's target */
  id: string;
  label: string;
  /** shown under the label while searching */
  hint?: ReactNode;
  error?: FieldMessages;
  value: PickedCommune | null;
  onChange: (commune: PickedCommune | null) => void;
  /** data-testid of the chosen commune's text (default `${id}-choisie`) */
  chosenTestId?: string;
  /** said after the chosen commune, e.g. " · position précise" */
  chosenNote?: ReactNode;
  /** shown under the search field while no commune is chosen (e.g. "Utiliser ma position") */
  children?: ReactNode;
};

/**
 * A commune picked from the referential (autocomplete on name or postcode), as on the
 * beneficiary's place step. Once chosen it shows as a box with a "Changer" button.
 */
export function CommunePicker({ id, label, hint, error, value, onChange, chosenTestId, chosenNote, children }: Props) {
  const [query, setQuery] = useState("");
  const search = useCommuneSearch(query, Boolean(value));
  const errors = messagesOf(error);

  if (value) {
    return (
      <div className={errors.length ? "field field--invalid" : "field"}>
        <p className="field__label" id={`${id}-label`}>
          {label}
        </p>
        <FieldError id={id} errors={errors} />
        <div className="picked">
          <span className="picked__text">
            <IconPin />
            <span data-testid={chosenTestId ?? `${id}-choisie`}>
              {communeText(value)}
              {chosenNote}
            </span>
          </span>
          <Button
            variant="secondary"
            small
            id={id}
            aria-label={`Changer de commune (${value.name})`}
            aria-describedby={errors.length ? `${id}-error` : undefined}
            onClick={() => {
              onChange(null);
              setQuery("");
              // back to the search field
              setTimeout(() => document.getElementById(id)?.focus(), 0);
            }}
          >
            Changer
          </Button>
        </div>
      </div>
    );
  }

  return (
    <>
      <Combobox
        id={id}
        label={label}
        hint={hint ?? "Écrivez le début du nom, par exemple « vendôme », ou le code postal, puis choisissez dans la liste."}
        error={errors}
        query={query}
        onQueryChange={setQuery}
        items={search.items}
        more={search.more}
        itemKey={(c) => c.insee}
        renderItem={communeOption}
        onSelect={(c) => {
          setQuery("");
          onChange({ insee: c.insee, name: c.name, postcodes: c.postcodes });
        }}
        loading={search.isFetching}
        noun={COMMUNE_NOUN}
      />
      {children}
    </>
  );
}

type LocateButtonProps = {
  position: { locating: boolean; error: string | null };
  onClick: () => void;
  id?: string;
  /** said under the button (its id is `${id ?? "locate"}-hint`) */
  hint?: ReactNode;
  "aria-describedby"?: string;
  children: ReactNode;
};

/** The "use my position" button of useLocateCommune, with what went wrong under it. */
export function LocateButton({ position, onClick, id, hint, children, "aria-describedby": describedBy }: LocateButtonProps) {
  return (
    <>
      <Button
        variant="secondary"
        id={id}
        icon={<IconLocate />}
        onClick={onClick}
        busy={position.locating}
        busyLabel="Recherche de la position…"
        aria-describedby={describedBy}
      >
        {children}
      </Button>
      <FieldHint id={id ?? "locate"} hint={hint} />
      {position.error ? (
        <p className="inline-error" role="status">
          {position.error}
        </p>
      ) : null}
    </>
  );
}
