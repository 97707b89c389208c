"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { IconBan, IconCalendar, IconCheck, IconEye } from "@/components/ui/icons";
import { isNetworkError } from "@/components/ui/formErrors";
import { Button } from "@/components/ui/Button";
import { RadioCards } from "@/components/ui/RadioCards";
import { errorMessageOf, fieldErrorsOf, useTRPCClient } from "@/lib/trpc/client";
import {
  FORMATION_APPLICATION_STATUS,
  FORMATION_DECLINE_REASONS,
  FORMATION_DECLINE_REASON_TEXT,
  type FormationAnswer,
  type FormationDeclineReason,
} from "@/server/formations/labels";

type Props = { applicationId: string; status: string; personName: string };

/** Which answers make sense from each state (a withdrawn application takes none). */
const NEXT: Record<string, FormationAnswer[]> = {
  sent: ["seen", "interview", "hired", "declined"],
  seen: ["interview", "hired", "declined"],
  interview: ["hired", "declined"],
  hired: ["declined"],
  declined: ["interview", "hired"],
};

/** Visible words, and the accessible name that says whom it is for (it starts with the visible words). */
const BUTTONS: Record<Exclude<FormationAnswer, "declined">, { label: string; name: (person: string) => string; icon: ReactNode }> = {
  seen: { label: "Marquer comme lue", name: (p) => `Marquer comme lue la demande de ${p}`, icon: <IconEye /> },
  interview: {
    label: "Proposer un entretien d'information",
    name: (p) => `Proposer un entretien d'information à ${p}`,
    icon: <IconCalendar />,
  },
  hired: { label: "Confirmer l'inscription", name: (p) => `Confirmer l'inscription de ${p}`, icon: <IconCheck /> },
};

/** The organisation's answer buttons for one applicant; declining asks for a reason the person will read. */
export function ApplicantAnswer({ applicationId, status, personName }: Props) {
  const client = useTRPCClient();
  const router = useRouter();
  const [busy, setBusy] = useState<FormationAnswer | null>(null);
  const [refreshing, startTransition] = useTransition();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState<FormationDeclineReason | "">("");
  const [error, setError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const next = NEXT[status] ?? [];
  if (next.length === 0) return null;

  async function answer(to: FormationAnswer) {
    setError(null);
    setReasonError(null);
    if (to === "declined" && !reason) {
      setReasonError("Choisissez la raison : la personne la lira, en mots bienveillants.");
      return;
    }
    setBusy(to);
    try {
      await client.formations.answer.mutate({ applicationId, status: to, reason: to === "declined" ? (reason as FormationDeclineReason) : null });
      setDeclining(false);
      setDone(`Réponse enregistrée : ${FORMATION_APPLICATION_STATUS[to]!.label}.`);
      startTransition(() => router.refresh());
    } catch (e) {
      const fields = fieldErrorsOf(e);
      if (fields.reason?.[0]) setReasonError(fields.reason[0]);
      else setError(isNetworkError(e) ? "Pas de connexion : réessayez." : errorMessageOf(e));
    } finally {
      setBusy(null);
    }
  }

  const groupId = `answer-${applicationId}`;
  return (
    <div className="formation-answer">
      <div className="actions formation-answer__buttons" role="group" aria-label={`Répondre à ${personName}`}>
        {next.map((to) =>
          to === "declined" ? (
            <Button
              key={to}
              variant="secondary"
              icon={<IconBan />}
              aria-expanded={declining}
              aria-controls={`${groupId}-decline`}
              aria-label={`Ne pas retenir ${personName}`}
              onClick={() => setDeclining((d) => !d)}
            >
              Ne pas retenir
            </Button>
          ) : (
            <Button
              key={to}
              variant={to === "hired" ? "primary" : "secondary"}
              icon={BUTTONS[to].icon}
              aria-label={BUTTONS[to].name(personName)}
              busy={busy === to || refreshing}
              busyLabel="Un instant…"
              onClick={() => answer(to)}
            >
              {BUTTONS[to].label}
            </Button>
          ),
        )}
      </div>
      {declining ? (
        <div className="confirm-box" id={`${groupId}-decline`}>
          <RadioCards
            id={`${groupId}-reason`}
            name={`${groupId}-reason`}
            legend={`Pourquoi ne pas retenir ${personName} ?`}
            hint="La personne lira la phrase sous la raison choisie."
            error={reasonError}
            value={reason}
            onChange={(v) => setReason(v as FormationDeclineReason)}
            options={FORMATION_DECLINE_REASONS.map((code) => ({
              value: code,
              label: FORMATION_DECLINE_REASON_TEXT[code].label,
              hint: `« ${FORMATION_DECLINE_REASON_TEXT[code].forPerson} »`,
            }))}
          />
          <div className="actions">
            <Button variant="danger" onClick={() => answer("declined")} busy={busy === "declined"} busyLabel="Envoi…">
              Envoyer la réponse
            </Button>
            <Button variant="secondary" onClick={() => setDeclining(false)}>
              Annuler
            </Button>
          </div>
        </div>
      ) : null}
      {error ? (
        <p className="inline-error" role="status">
          {error}
        </p>
      ) : null}
      <p role="status" className="formation-answer__done">
        {done ? <strong>{done}</strong> : null}
      </p>
    </div>
  );
}
