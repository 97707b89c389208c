"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorSummary, summaryItems } from "@/components/ui/ErrorSummary";
import { FieldError, FieldHint, describedBy, messagesOf } from "@/components/ui/TextField";
import { IconMail, IconSend } from "@/components/ui/icons";
import { errorMessageOf, fieldErrorsOf, useTRPCClient } from "@/lib/trpc/client";

type Props = {
  offerId: string;
  candidateId: string;
  /** "Candidat M. (réf. 3F2A9C)": completes the button's name for screen readers */
  who: string;
  /**
   * A request exists already. The list keeps this component mounted then, so that the
   * confirmation (and the focus on it) survives the refresh that follows a request; on a fresh
   * page there is nothing to show (the card's badge says it).
   */
  alreadySent?: boolean;
};

/**
 * "Demander à contacter": opens a small form with an optional message. The person is asked in
 * "Mes propositions"; the company sees their name, CV and contact details only if they accept.
 */
export function ContactRequest({ offerId, candidateId, who, alreadySent = false }: Props) {
  const client = useTRPCClient();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refreshing, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [attempt, setAttempt] = useState(0);
  const [sent, setSent] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const id = `contact-message-${candidateId}`;

  useEffect(() => {
    if (open) textRef.current?.focus();
  }, [open]);
  useEffect(() => {
    if (sent) doneRef.current?.focus();
  }, [sent]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const message = String(new FormData(event.currentTarget).get("message") ?? "").trim();
    setBusy(true);
    setFieldErrors({});
    try {
      await client.proposals.create.mutate({ offerId, candidateId, message: message || null });
      setSent(true);
      setOpen(false);
      startTransition(() => router.refresh());
    } catch (e) {
      const fields = fieldErrorsOf(e);
      setFieldErrors(Object.keys(fields).length ? fields : { _: [errorMessageOf(e)] });
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  if (sent) {
    return (
      <p className="with-icon" role="status" tabIndex={-1} ref={doneRef}>
        <IconSend size="1.25em" />
        <strong>Demande envoyée. Si la personne accepte, vous verrez son nom, son CV et ses coordonnées.</strong>
      </p>
    );
  }
  if (alreadySent) return null;
  if (!open) {
    return (
      <Button icon={<IconMail />} onClick={() => setOpen(true)}>
        Demander à contacter<span className="sr-only"> {who}</span>
      </Button>
    );
  }
  const errors = messagesOf(fieldErrors.message);
  const hint = "Présentez le poste en quelques mots (500 caractères au plus). La personne verra le nom de votre entreprise et l'offre.";
  return (
    <form className="recruit-panel" onSubmit={onSubmit} noValidate aria-label={`Demande de contact : ${who}`}>
      <ErrorSummary errors={summaryItems(fieldErrors, { message: id })} focusKey={attempt} />
      <div className={errors.length ? "field field--invalid" : "field"}>
        <label htmlFor={id} className="field__label">
          Votre message<span className="field__optional"> (facultatif)</span>
        </label>
        <FieldHint id={id} hint={hint} />
        <FieldError id={id} errors={errors} />
        <textarea
          ref={textRef}
          id={id}
          name="message"
          className="recruit-textarea"
          maxLength={500}
          rows={3}
          aria-invalid={errors.length ? true : undefined}
          aria-describedby={describedBy(id, hint, errors)}
        />
      </div>
      <div className="actions" style={{ marginTop: 0 }}>
        <Button type="submit" icon={<IconSend />} busy={busy || refreshing} busyLabel="Envoi…">
          Envoyer la demande
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
