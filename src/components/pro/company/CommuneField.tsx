"use client";

import { useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Combobox, useDebounced } from "@/components/beneficiary/wizard/Combobox";
import { IconPin } from "@/components/beneficiary/icons";
import { Button } from "@/components/ui/Button";
import { FieldError, FieldHint, messagesOf, type FieldMessages } from "@/components/ui/TextField";
import { useTRPC } from "@/lib/trpc/client";
// the combobox and "picked" styles
import "@/components/beneficiary/beneficiary.css";

export type PickedCommune = { insee: string; name: string; postcodes: string[] };

export function communeText(c: PickedCommune) {
  return c.postcodes.length ? `${c.name} (${c.postcodes.join(", ")})` : c.name;
}

type Props = {
  /** id of the input (or of the "Changer" button once a commune is chosen): the error summary's target */
  id: string;
  label: string;
  hint?: ReactNode;
  error?: FieldMessages;
  value: PickedCommune | null;
  onChange: (commune: PickedCommune | null) => void;
};

/**
 * A commune picked from the referential (autocomplete on name or postcode), as on the
 * beneficiary's place step. Once chosen it shows as a box with a "Changer" button.
 */
export function CommuneField({ id, label, hint, error, value, onChange }: Props) {
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const q = useDebounced(query.trim());
  const search = useQuery(
    trpc.referentials.searchCommunes.queryOptions({ q, limit: 10 }, { enabled: q.length >= 2 && !value }),
  );
  const errors = messagesOf(error);

  if (value) {
    return (
      <div className={errors.length ? "field field--invalid" : "field"}>
        <p className="field__label" id={`${id}-label`}>
          {label}
        </p>
        <FieldHint id={id} hint={hint} />
        <FieldError id={id} errors={errors} />
        <div className="picked">
          <span className="picked__text">
            <IconPin />
            <span data-testid={`${id}-choisie`}>{communeText(value)}</span>
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
    <Combobox
      id={id}
      label={label}
      hint={hint ?? "Écrivez le début du nom, par exemple « vendôme », ou le code postal, puis choisissez dans la liste."}
      error={errors}
      query={query}
      onQueryChange={setQuery}
      items={search.data ?? []}
      itemKey={(c) => c.insee}
      renderItem={(c) => (
        <>
          <span>{c.name}</span>
          <span className="combobox__detail">
            {c.postcodes.join(", ")} · département {c.departement}
          </span>
        </>
      )}
      onSelect={(c) => onChange({ insee: c.insee, name: c.name, postcodes: c.postcodes })}
      loading={search.isFetching}
      noun={{ one: "commune", many: "communes", feminine: true }}
    />
  );
}
