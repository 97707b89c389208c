"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { errorMessageOf, fieldErrorsOf, useTRPC } from "@/lib/trpc/client";

type Props = {
  userId: string;
  name: string;
  role: "adviser" | "admin";
  territoryCode: string | null;
  territories: { code: string; name: string }[];
  /** the signed-in admin's own row: no role change */
  self: boolean;
};

function messageOf(error: unknown): string | null {
  if (!error) return null;
  return Object.values(fieldErrorsOf(error)).flat()[0] ?? errorMessageOf(error);
}

/** An adviser's or admin's territory (whole instance when empty) and the adviser ⇄ admin switch. */
export function StaffAccountActions({ userId, name, role, territoryCode, territories, self }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const refresh = () => startRefresh(() => router.refresh());
  const setTerritory = useMutation(trpc.accounts.setTerritory.mutationOptions({ onSuccess: refresh }));
  const setRole = useMutation(trpc.accounts.setRole.mutationOptions({ onSuccess: refresh }));
  const [territory, setTerritoryValue] = useState(territoryCode ?? "");
  const selectId = `territory-${userId}`;
  const error = messageOf(setTerritory.error) ?? messageOf(setRole.error);
  const nextRole = role === "adviser" ? "admin" : "adviser";

  return (
    <div className="stack">
      <div className="field">
        <label htmlFor={selectId} className="sr-only">
          Territoire de {name}
        </label>
        <select
          id={selectId}
          className="select"
          value={territory}
          onChange={(e) => setTerritoryValue(e.target.value)}
        >
          <option value="">Tout le département</option>
          {territories.map((t) => (
            <option key={t.code} value={t.code}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <Button
        small
        variant="secondary"
        busy={setTerritory.isPending || refreshing}
        busyLabel="Un instant…"
        aria-label={`Enregistrer le territoire de ${name}`}
        onClick={() => setTerritory.mutate({ userId, territoryCode: territory || null })}
      >
        Enregistrer le territoire
      </Button>
      {self ? null : (
        <Button
          small
          variant="secondary"
          busy={setRole.isPending || refreshing}
          busyLabel="Un instant…"
          aria-label={`${nextRole === "admin" ? "Nommer administrateur" : "Repasser conseiller"} : ${name}`}
          onClick={() => setRole.mutate({ userId, role: nextRole })}
        >
          {nextRole === "admin" ? "Nommer administrateur" : "Repasser conseiller"}
        </Button>
      )}
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
