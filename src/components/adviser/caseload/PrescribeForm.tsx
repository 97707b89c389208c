"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Checkbox";
import { Notice } from "@/components/ui/Notice";
import { FieldError, FieldHint, describedBy } from "@/components/ui/TextField";
import { IconCheck } from "@/components/ui/icons";
import { errorMessageOf, fieldErrorsOf, useTRPC } from "@/lib/trpc/client";

type Props = { profileId: string; offerId: string; offerTitle: string; name: string };

/**
 * "Postuler pour la personne" (a prescription): the adviser sends the person's application to
 * one offer, with their agreement ticked; the employer sees who sent it.
 */
export function PrescribeForm({ profileId, offerId, offerTitle, name }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [, startRefresh] = useTransition();
  const prescribe = useMutation(trpc.applications.prescribe.mutationOptions({ onSuccess: () => startRefresh(() => router.refresh()) }));
  const messageId = `prescribe-message-${offerId}`;
  const agreementId = `prescribe-agreement-${offerId}`;
  const fieldErrors = prescribe.error ? fieldErrorsOf(prescribe.error) : {};
  const messageErrors = fieldErrors.message ?? [];
  const known = new Set(["message", "agreement"]);
  const otherError =
    prescribe.error && !Object.keys(fieldErrors).some((k) => known.has(k))
      ? (Object.values(fieldErrors)[0]?.[0] ?? errorMessageOf(prescribe.error))
      : null;
  const hint = "L'entreprise le lira avec le CV. 1 000 caractères au plus.";

  if (prescribe.isSuccess) {
    return <Notice tone="success">Candidature envoyée pour {name}. L'entreprise voit qu'elle vient de vous.</Notice>;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (prescribe.isPending) return;
    const form = new FormData(event.currentTarget);
    const message = String(form.get("message") ?? "").trim();
    prescribe.mutate({ profileId, offerId, message: message || null, agreement: form.get("agreement") === "on" });
  }

  return (
    <details className="caseload-prescribe">
      <summary>
        Postuler pour {name}
        <span className="sr-only"> : {offerTitle}</span>
      </summary>
      <form onSubmit={onSubmit} className="form" noValidate method="post" aria-label={`Postuler pour ${name} : ${offerTitle}`}>
        <div className={messageErrors.length ? "field field--invalid" : "field"}>
          <label htmlFor={messageId} className="field__label">
            Message à l'entreprise<span className="field__optional"> (facultatif)</span>
          </label>
          <FieldHint id={messageId} hint={hint} />
          <FieldError id={messageId} errors={messageErrors} />
          <textarea
            id={messageId}
            name="message"
            className="input caseload-textarea"
            maxLength={1000}
            rows={3}
            aria-invalid={messageErrors.length ? true : undefined}
            aria-describedby={describedBy(messageId, hint, messageErrors)}
          />
        </div>
        <Checkbox
          id={agreementId}
          name="agreement"
          label="La personne est d'accord"
          hint="Vous lui avez parlé de cette offre et elle veut que vous envoyiez sa candidature. Votre nom et la date sont gardés."
          error={fieldErrors.agreement}
        />
        {otherError ? (
          <p className="inline-error" role="alert">
            {otherError}
          </p>
        ) : null}
        <Button type="submit" small icon={<IconCheck />} busy={prescribe.isPending} busyLabel="Envoi…">
          Envoyer sa candidature
        </Button>
      </form>
    </details>
  );
}
