"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorSummary, summaryItems } from "@/components/ui/ErrorSummary";
import { Notice } from "@/components/ui/Notice";
import { RadioCards } from "@/components/ui/RadioCards";
import { FieldError, FieldHint, SelectField, TextField, describedBy } from "@/components/ui/TextField";
import { errorMessageOf, fieldErrorsOf, useTRPC } from "@/lib/trpc/client";
import { OUTCOME_OPTIONS } from "./labels";
import "./followup.css";

type Outcome = (typeof OUTCOME_OPTIONS)[number]["value"];

type Props = {
  checkInId: string;
  monthsAfter: number;
  /** the person's first name, for the question */
  personName: string;
  exitReasons: Array<{ code: string; label: string }>;
  /** a check-in not due yet: only the end of the contract can be recorded */
  endOnly?: boolean;
};

/**
 * Records a check-in: still in post, ended (reason from the instance's list, end date) or
 * unreachable, with a note. The page reloads its data afterwards.
 */
export function RecordCheckInForm({ checkInId, monthsAfter, personName, exitReasons, endOnly = false }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [, startRefresh] = useTransition();
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | "">(endOnly ? "ended" : "");
  const p = `ci-${checkInId.slice(0, 8)}`;
  const ids = { outcome: `${p}-outcome`, endReason: `${p}-reason`, endedOn: `${p}-ended`, note: `${p}-note` };
  const record = useMutation(
    trpc.followup.recordCheckIn.mutationOptions({
      onSuccess: () => startRefresh(() => router.refresh()),
      onError: () => setAttempt((n) => n + 1),
    }),
  );
  const fieldErrors = record.error ? fieldErrorsOf(record.error) : {};
  const errors = summaryItems(fieldErrors, ids);
  if (record.error && errors.length === 0) errors.push({ message: errorMessageOf(record.error) });
  const noteErrors = fieldErrors.note ?? [];
  const noteHint = "Visible des seuls conseillers. 2 000 caractères au plus.";

  if (record.isSuccess) {
    return <Notice tone="success">Le point de suivi à {monthsAfter} mois est enregistré.</Notice>;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (record.isPending) return;
    const form = new FormData(event.currentTarget);
    record.mutate({
      checkInId,
      outcome: (outcome || undefined) as Outcome,
      endReason: outcome === "ended" ? String(form.get("endReason") ?? "") || null : null,
      endedOn: outcome === "ended" ? String(form.get("endedOn") ?? "") || null : null,
      note: String(form.get("note") ?? "") || null,
    });
  }

  const options = endOnly ? OUTCOME_OPTIONS.filter((o) => o.value === "ended") : OUTCOME_OPTIONS;
  return (
    <form onSubmit={onSubmit} className="form" noValidate method="post">
      <ErrorSummary errors={errors} focusKey={attempt} />
      <RadioCards
        id={ids.outcome}
        name="outcome"
        legend={endOnly ? `Le contrat de ${personName} a pris fin ?` : `Où en est ${personName} à ${monthsAfter} mois ?`}
        options={options.map((o) => ({ value: o.value, label: o.label, hint: "hint" in o ? o.hint : undefined }))}
        value={outcome}
        onChange={(v) => setOutcome(v as Outcome)}
        error={fieldErrors.outcome}
      />
      {outcome === "ended" ? (
        <>
          <SelectField
            id={ids.endReason}
            name="endReason"
            label="Raison de la fin du contrat"
            options={[{ value: "", label: "Choisissez…" }, ...exitReasons.map((r) => ({ value: r.code, label: r.label }))]}
            defaultValue=""
            error={fieldErrors.endReason}
          />
          <TextField
            id={ids.endedOn}
            name="endedOn"
            type="date"
            label="Date de fin"
            optional
            hint="Laissez vide si le contrat s'est arrêté aujourd'hui."
            error={fieldErrors.endedOn}
          />
        </>
      ) : null}
      <div className={noteErrors.length ? "field field--invalid" : "field"}>
        <label htmlFor={ids.note} className="field__label">
          Note<span className="field__optional"> (facultatif)</span>
        </label>
        <FieldHint id={ids.note} hint={noteHint} />
        <FieldError id={ids.note} errors={noteErrors} />
        <textarea
          id={ids.note}
          name="note"
          className="input followup-textarea"
          maxLength={2000}
          rows={3}
          aria-invalid={noteErrors.length ? true : undefined}
          aria-describedby={describedBy(ids.note, noteHint, noteErrors)}
        />
      </div>
      <Button type="submit" busy={record.isPending} busyLabel="Enregistrement…">
        Enregistrer le point de suivi
      </Button>
    </form>
  );
}
