"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { FieldMessages } from "@/components/ui/TextField";
import { useTRPC } from "@/lib/trpc/client";
import { Combobox, useDebounced } from "./Combobox";

/** A job title of the ROME referential, as chosen. */
export type JobPick = { ogrCode: number; label: string; romeCode: string };

type JobPickerProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldMessages;
  query: string;
  onQueryChange: (query: string) => void;
  onSelect: (job: JobPick) => void;
  /** job titles already chosen: not suggested again */
  exclude?: number[];
};

/** Job titles of the ROME referential, forgiving of accents and typos ("aide soi"). */
export function JobPicker({ id, label, hint, error, query, onQueryChange, onSelect, exclude = [] }: JobPickerProps) {
  const trpc = useTRPC();
  const q = useDebounced(query.trim());
  const search = useQuery(trpc.referentials.searchJobTitles.queryOptions({ q, limit: 8 }, { enabled: q.length >= 2 }));
  const items = (search.data ?? []).filter((j) => !exclude.includes(j.ogrCode));
  return (
    <Combobox
      id={id}
      label={label}
      hint={hint}
      error={error}
      query={query}
      onQueryChange={onQueryChange}
      items={items}
      itemKey={(j) => String(j.ogrCode)}
      renderItem={(j) => (
        <>
          <span>{j.label}</span>
          {j.romeLabel !== j.label ? <span className="combobox__detail">{j.romeLabel}</span> : null}
        </>
      )}
      onSelect={(j) => {
        onSelect({ ogrCode: j.ogrCode, label: j.label, romeCode: j.romeCode });
        onQueryChange("");
      }}
      loading={search.isFetching}
      noun={{ one: "métier", many: "métiers" }}
    />
  );
}
