"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { AssignPanel, type AdviserOption } from "./AssignPanel";
import { useHydrated } from "./useHydrated";

export type AssignablePerson = {
  profileId: string;
  name: string;
  externalId: string | null;
  commune: string;
  territory: string;
  adviser: string | null;
};

type Props = {
  people: AssignablePerson[];
  advisers: AdviserOption[];
  caption: string;
  /** showing one adviser's people: they may also go back among the unassigned */
  allowUnassign: boolean;
};

/** The listed people with a checkbox each, "Tout sélectionner", and the assignment form. */
export function BulkAssign({ people, advisers, caption, allowUnassign }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [, startRefresh] = useTransition();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const all = people.length > 0 && people.every((p) => selected.has(p.profileId));
  const some = !all && people.some((p) => selected.has(p.profileId));

  function toggle(id: string, on: boolean) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  return (
    <>
      <div className="field">
        <label className="checkbox" htmlFor="select-all">
          <input
            type="checkbox"
            id="select-all"
            disabled={!hydrated}
            checked={all}
            ref={(el) => {
              if (el) el.indeterminate = some;
            }}
            onChange={(e) => setSelected(e.target.checked ? new Set(people.map((p) => p.profileId)) : new Set())}
          />
          <span>Tout sélectionner ({people.length})</span>
        </label>
      </div>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="assign-caption">
        <table className="table">
          <caption id="assign-caption">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="sr-only">Sélection</span>
              </th>
              <th scope="col">Nom</th>
              <th scope="col">Identifiant</th>
              <th scope="col">Commune</th>
              <th scope="col">Territoire</th>
              <th scope="col">Suivi par</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.profileId}>
                <td>
                  <input
                    type="checkbox"
                    id={`select-${p.profileId}`}
                    disabled={!hydrated}
                    checked={selected.has(p.profileId)}
                    onChange={(e) => toggle(p.profileId, e.target.checked)}
                  />
                </td>
                <th scope="row">
                  <label htmlFor={`select-${p.profileId}`}>{p.name}</label>
                </th>
                <td>{p.externalId ?? <span className="muted">—</span>}</td>
                <td>{p.commune}</td>
                <td>{p.territory}</td>
                <td>{p.adviser ?? <span className="muted">personne</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p role="status">
        {selected.size === 0 ? "Aucune personne cochée." : `${selected.size} personne${selected.size > 1 ? "s" : ""} cochée${selected.size > 1 ? "s" : ""}.`}
      </p>
      <AssignPanel
        idPrefix="assign"
        profileIds={[...selected]}
        advisers={advisers}
        allowUnassign={allowUnassign}
        action="Affecter la sélection"
        onDone={() => {
          setSelected(new Set());
          startRefresh(() => router.refresh());
        }}
      />
    </>
  );
}
