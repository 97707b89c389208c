"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { IconCheck, IconWarning, IconSendSmall as IconSend } from "@/components/ui/icons";
import { errorMessageOf, fieldErrorsOf, useTRPC } from "@/lib/trpc/client";
import { APPLICATIONS_PATH } from "@/components/beneficiary-offers/paths";
import styles from "./offers.module.css";

type ApplyButtonProps = {
  kind: "offer" | "formation";
  targetId: string;
  /** id of the card's heading: every "Postuler" button says which offer it is for */
  headingId: string;
  /** the person applied already (from applications.mine) */
  alreadySent: boolean;
};

const WORDS = {
  offer: {
    start: "Postuler",
    send: "Envoyer ma candidature",
    sending: "Envoi en cours…",
    sent: "Candidature envoyée",
    sentHint: "L'employeur va la lire. Vous la retrouvez dans",
    messageHint: "Par exemple : quand vous pouvez commencer.",
  },
  formation: {
    start: "M'inscrire",
    send: "Envoyer mon inscription",
    sending: "Envoi en cours…",
    sent: "Inscription envoyée",
    sentHint: "L'organisme de formation va la lire. Vous la retrouvez dans",
    messageHint: "Par exemple : une question sur la formation.",
  },
} as const;

const ALREADY_SENT = /déjà envoyé/i;

/** No answer from the server at all (offline, dropped connection): say so in French. */
function messageOf(error: unknown): string {
  if (error instanceof TRPCClientError && !error.data) {
    return "La connexion a échoué. Votre message est gardé : réessayez quand vous avez du réseau.";
  }
  return errorMessageOf(error);
}

/**
 * One tap on "Postuler" opens an optional message and the send button; once sent, the card
 * says so. What the person typed stays in the box if the network drops.
 */
export function ApplyButton({ kind, targetId, headingId, alreadySent }: ApplyButtonProps) {
  const trpc = useTRPC();
  const toOffer = useMutation(trpc.applications.applyToOffer.mutationOptions());
  const toFormation = useMutation(trpc.applications.applyToFormation.mutationOptions());
  const mutation = kind === "offer" ? toOffer : toFormation;
  const words = WORDS[kind];
  const [step, setStep] = useState<"idle" | "form" | "sent">(alreadySent ? "sent" : "idle");
  const [message, setMessage] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  const sentRef = useRef<HTMLDivElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const moveFocus = useRef<"form" | "sent" | "start" | null>(null);
  const id = useId();
  const messageId = `${id}-message`;

  // Where the focus goes after each step (the button that was tapped disappears).
  useEffect(() => {
    const target = moveFocus.current;
    moveFocus.current = null;
    if (target === "form") formRef.current?.focus();
    if (target === "sent") sentRef.current?.focus();
    if (target === "start") startRef.current?.focus();
  }, [step]);

  const fieldErrors = mutation.error ? fieldErrorsOf(mutation.error) : {};
  const messageError = fieldErrors.message?.[0];
  const generalError = mutation.error
    ? (fieldErrors._?.[0] ?? (messageError ? null : messageOf(mutation.error)))
    : null;

  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const input = { message: message.trim() || null };
    const onSuccess = () => {
      moveFocus.current = "sent";
      setStep("sent");
    };
    const onError = (error: unknown) => {
      // Sent already (another tab, a double tap on a slow network): that is what the person wanted.
      if (ALREADY_SENT.test(fieldErrorsOf(error)._?.[0] ?? "")) onSuccess();
    };
    if (kind === "offer") toOffer.mutate({ offerId: targetId, ...input }, { onSuccess, onError });
    else toFormation.mutate({ formationId: targetId, ...input }, { onSuccess, onError });
  }

  if (step === "sent") {
    return (
      <div ref={sentRef} tabIndex={-1} className={styles.sent} role="status" data-testid="apply-sent">
        <IconCheck size="1.5em" />
        <p>
          <strong>{words.sent}</strong>
          <br />
          <span>
            {words.sentHint} <Link href={APPLICATIONS_PATH}>Mes candidatures</Link>.
          </span>
        </p>
      </div>
    );
  }

  if (step === "idle") {
    return (
      <button
        ref={startRef}
        type="button"
        className="btn btn--primary btn--block"
        aria-describedby={headingId}
        onClick={() => {
          moveFocus.current = "form";
          setStep("form");
        }}
      >
        <IconSend />
        <span>{words.start}</span>
      </button>
    );
  }

  return (
    <form
      ref={formRef}
      className={styles.applyForm}
      onSubmit={send}
      noValidate
      tabIndex={-1}
      aria-labelledby={`${id}-title ${headingId}`}
    >
      <p id={`${id}-title`} className={styles.applyTitle}>
        <IconSend />
        <strong>{words.start}</strong>
      </p>
      {generalError ? (
        <div className={styles.applyError} role="status">
          <IconWarning size="1.25em" />
          <p>{generalError}</p>
        </div>
      ) : null}
      <div className={messageError ? "field field--invalid" : "field"}>
        <label htmlFor={messageId} className="field__label">
          Un message <span className="field__optional">(facultatif)</span>
        </label>
        <span id={`${messageId}-hint`} className="field__hint">
          {words.messageHint}
        </span>
        {messageError ? (
          <p id={`${messageId}-error`} className="field__error">
            <IconWarning size="1.25em" />
            <span>
              <span className="sr-only">Erreur : </span>
              {messageError}
            </span>
          </p>
        ) : null}
        <textarea
          id={messageId}
          name="message"
          className={`input ${styles.textarea}`}
          rows={3}
          maxLength={1000}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          aria-invalid={messageError ? true : undefined}
          aria-describedby={[`${messageId}-hint`, messageError ? `${messageId}-error` : null].filter(Boolean).join(" ")}
        />
      </div>
      <div className={styles.applyActions}>
        <Button type="submit" block icon={<IconSend />} busy={mutation.isPending} busyLabel={words.sending}>
          {words.send}
        </Button>
        <Button
          variant="secondary"
          block
          onClick={() => {
            moveFocus.current = "start";
            mutation.reset();
            setStep("idle");
          }}
        >
          Annuler
        </Button>
      </div>
    </form>
  );
}
