"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Notice } from "@/components/ui/Notice";
import { SelectField } from "@/components/ui/TextField";
import { IconUsers } from "@/components/ui/icons";
import { formErrorsOf, useTRPC } from "@/lib/trpc/client";
import { useHydrated } from "./useHydrated";

/** An adviser as offered in the select: name, territory and current caseload size. */
export type AdviserOption = { id: string; label: string; name: string };

/** The server's limit for one call; larger selections (a big import) go in several calls. */
const CHUNK = 500;
const NONE = "none";

type Props = {
  profileIds: string[];
  advisers: AdviserOption[];
  /** words of the button, e.g. "Affecter la sélection" */
  action: string;
  /** also offer "nobody" (back among the unassigned) */
  allowUnassign?: boolean;
  onDone?: () => void;
  idPrefix?: string;
};

/** Gives the listed people to the chosen adviser (caseload.assignMany), and says how it went. */
export function AssignPanel({ profileIds, advisers, action, allowUnassign, onDone, idPrefix = "assign" }: Props) {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const assign = useMutation(trpc.caseload.assignMany.mutationOptions());
  const [adviser, setAdviser] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState<{ count: number; to: string } | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const selectId = `${idPrefix}-adviser`;

  const { fieldErrors, errors } = formErrorsOf(assign.error, { adviserId: selectId, profileIds: selectId });
  const summary = localError ? [{ message: localError, fieldId: selectId }] : errors;

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  async function submit() {
    setDone(null);
    setLocalError(null);
    assign.reset();
    if (!adviser) {
      setLocalError("Choisissez un conseiller.");
      setAttempt((n) => n + 1);
      return;
    }
    if (profileIds.length === 0) {
      setLocalError("Cochez au moins une personne.");
      setAttempt((n) => n + 1);
      return;
    }
    const adviserId = adviser === NONE ? null : adviser;
    let count = 0;
    try {
      for (let i = 0; i < profileIds.length; i += CHUNK) {
        await assign.mutateAsync({ profileIds: profileIds.slice(i, i + CHUNK), adviserId });
        count += Math.min(CHUNK, profileIds.length - i);
      }
    } catch {
      setAttempt((n) => n + 1);
      return;
    }
    const to = adviserId === null ? "personne (sans conseiller)" : (advisers.find((a) => a.id === adviserId)?.name ?? "");
    setDone({ count, to });
    onDone?.();
  }

  return (
    <div className="stack">
      <ErrorSummary errors={summary} focusKey={attempt} />
      <SelectField
        id={selectId}
        name="adviserId"
        label="Conseiller"
        hint="Nom, territoire et nombre de personnes suivies aujourd'hui."
        value={adviser}
        onChange={(e) => setAdviser(e.target.value)}
        error={localError ? [localError] : (fieldErrors.adviserId ?? fieldErrors.profileIds)}
        options={[
          { value: "", label: "Choisissez…" },
          ...(allowUnassign ? [{ value: NONE, label: "Aucun : remettre parmi les personnes sans suivi" }] : []),
          ...advisers.map((a) => ({ value: a.id, label: a.label })),
        ]}
      />
      <Button icon={<IconUsers />} onClick={submit} disabled={!hydrated} busy={assign.isPending} busyLabel="Affectation…" data-testid={`${idPrefix}-submit`}>
        {action}
      </Button>
      {done ? (
        <Notice tone="success">
          <p ref={doneRef} tabIndex={-1} data-testid={`${idPrefix}-done`}>
            {done.count} personne{done.count > 1 ? "s" : ""} affectée{done.count > 1 ? "s" : ""} à {done.to}.
          </p>
        </Notice>
      ) : null}
    </div>
  );
}
