"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorSummary, summaryItems } from "@/components/ui/ErrorSummary";
import { SelectField, TextField } from "@/components/ui/TextField";
import { IconCheck, IconBan, IconCalendar } from "@/components/ui/icons";
import { errorMessageOf, fieldErrorsOf, useTRPCClient } from "@/lib/trpc/client";
import type { ApplicationStatus } from "@/server/applications/schema";
import { followUpSentence } from "@/server/followup/follow-up-words";
import { DECLINE_REASON_TEXTS, DECLINE_REASONS, type DeclineReason } from "@/server/recruiting/decline-reasons";
import { HireUndo } from "./HireUndo";

type Props = {
  applicationId: string;
  status: ApplicationStatus;
  /** the person's name, for the questions and the buttons' names */
  who: string;
  /** today in the instance's time zone: the hire's start date by default */
  today: string;
  /** a hire: until when it can be undone */
  undoUntil?: Date | string | null;
};

type Mode = "buttons" | "hire" | "decline";
type Done = { message: string; status: ApplicationStatus; undoUntil?: Date | null };

/**
 * The employer's answers to one application: "Entretien", "Embaucher" (asks to confirm: it
 * records the placement the person's adviser will follow), "Refuser" (with a reason from the
 * list; the kind words the person will read are shown before sending).
 */
export function ApplicationActions({ applicationId, status, who, today, undoUntil }: Props) {
  const client = useTRPCClient();
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("buttons");
  const [busy, setBusy] = useState<string | null>(null);
  const [refreshing, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [attempt, setAttempt] = useState(0);
  const [reason, setReason] = useState<DeclineReason | "">("");
  const [done, setDone] = useState<Done | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const reasonId = `decline-reason-${applicationId}`;
  const startsOnId = `hire-starts-on-${applicationId}`;
  const [startsOn, setStartsOn] = useState(today);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  async function run(next: "interview" | "hired" | "declined", chosen?: DeclineReason) {
    if (busy) return;
    setBusy(next);
    setFieldErrors({});
    try {
      // the page, refreshed, suggests marking the offer filled when this hire fills it
      const change = await client.recruiting.setStatus.mutate({
        applicationId,
        status: next,
        reason: chosen ?? null,
        ...(next === "hired" ? { startsOn: startsOn || null } : {}),
      });
      const message =
        next === "interview"
          ? `C'est noté : entretien avec ${who}. Pensez à l'appeler pour fixer la date.`
          : next === "hired"
            ? `Bravo : l'embauche de ${who} est enregistrée. ${followUpSentence(change.followUp)}`
            : `Refus envoyé à ${who}.`;
      setDone({ message, status: next, undoUntil: change.undoUntil });
      setMode("buttons");
      startTransition(() => router.refresh());
    } catch (e) {
      const fields = fieldErrorsOf(e);
      setFieldErrors(Object.keys(fields).length ? fields : { _: [errorMessageOf(e)] });
      setAttempt((n) => n + 1);
    } finally {
      setBusy(null);
    }
  }

  // what was just done, said once; the buttons follow the status it led to
  const said = done ? (
    <p className="with-icon" role="status" tabIndex={-1} ref={doneRef}>
      <IconCheck size="1.25em" />
      <strong>{done.message}</strong>
    </p>
  ) : null;
  const current = done?.status ?? status;
  const open = current === "sent" || current === "seen" || current === "interview";
  if (current === "hired") {
    return (
      <>
        {said}
        <HireUndo applicationId={applicationId} who={who} undoUntil={done?.undoUntil ?? undoUntil ?? null} />
      </>
    );
  }
  if (!open) return said;
  const errors = summaryItems(fieldErrors, { reason: reasonId, startsOn: startsOnId });

  if (mode === "hire") {
    return (
      <div className="recruit-panel recruit-panel--confirm" role="group" aria-label={`Embaucher ${who}`}>
        <ErrorSummary errors={errors} focusKey={attempt} />
        <p>
          <strong>Vous embauchez {who} ?</strong> L'embauche est enregistrée, la personne et son conseiller sont prévenus, et
          un conseiller suivra ses premiers mois dans l'emploi. Vous pourrez l'annuler pendant 24 heures.
        </p>
        <TextField
          id={startsOnId}
          name="startsOn"
          type="date"
          label="Premier jour de travail"
          hint="Aujourd'hui si vous ne savez pas encore."
          value={startsOn}
          onChange={(e) => setStartsOn(e.target.value)}
          error={fieldErrors.startsOn}
        />
        <div className="actions" style={{ marginTop: 0 }}>
          <Button icon={<IconCheck />} onClick={() => run("hired")} busy={busy === "hired" || refreshing} busyLabel="Enregistrement…" autoFocus>
            Confirmer l'embauche
          </Button>
          <Button variant="secondary" onClick={() => setMode("buttons")}>
            Annuler
          </Button>
        </div>
      </div>
    );
  }

  if (mode === "decline") {
    const onSubmit = (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (!reason) {
        setFieldErrors({ reason: ["Choisissez la raison du refus."] });
        setAttempt((n) => n + 1);
        return;
      }
      void run("declined", reason);
    };
    return (
      <form className="recruit-panel" onSubmit={onSubmit} noValidate aria-label={`Refuser la candidature de ${who}`}>
        <ErrorSummary errors={errors} focusKey={attempt} />
        <SelectField
          id={reasonId}
          name="reason"
          label="Raison du refus"
          value={reason}
          onChange={(e) => {
            setReason(e.target.value as DeclineReason | "");
            setFieldErrors({});
          }}
          error={fieldErrors.reason}
          options={[
            { value: "", label: "Choisissez une raison" },
            ...DECLINE_REASONS.map((r) => ({ value: r, label: DECLINE_REASON_TEXTS[r].label })),
          ]}
        />
        <div aria-live="polite">
          {reason ? (
            <>
              <p className="field__label">Ce que la personne lira :</p>
              <p className="recruit-quote">{DECLINE_REASON_TEXTS[reason].candidate}</p>
            </>
          ) : null}
        </div>
        <div className="actions" style={{ marginTop: 0 }}>
          <Button type="submit" variant="danger" icon={<IconBan />} busy={busy === "declined" || refreshing} busyLabel="Envoi…">
            Envoyer le refus
          </Button>
          <Button variant="secondary" onClick={() => setMode("buttons")}>
            Annuler
          </Button>
        </div>
      </form>
    );
  }

  return (
    <div>
      {said}
      <ErrorSummary errors={errors} focusKey={attempt} />
      <div className="actions" style={{ marginTop: "var(--space-3)" }}>
        {current !== "interview" ? (
          <Button variant="secondary" icon={<IconCalendar />} onClick={() => run("interview")} busy={busy === "interview"} busyLabel="Un instant…">
            Entretien<span className="sr-only"> avec {who}</span>
          </Button>
        ) : null}
        <Button icon={<IconCheck />} onClick={() => setMode("hire")}>
          Embaucher<span className="sr-only"> {who}</span>
        </Button>
        <Button variant="danger" icon={<IconBan />} onClick={() => setMode("decline")}>
          Refuser<span className="sr-only"> la candidature de {who}</span>
        </Button>
      </div>
    </div>
  );
}
