"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { FieldError, FieldHint, describedBy } from "@/components/ui/TextField";
import { errorMessageOf, fieldErrorsOf, useTRPC } from "@/lib/trpc/client";

type Props = { profileId: string; offerId: string; offerTitle: string; alreadyProposed: boolean };

/** Suggest one offer to the person, with a few words; the employer sees the proposal flagged. */
export function ProposeOfferForm({ profileId, offerId, offerTitle, alreadyProposed }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [, startRefresh] = useTransition();
  const propose = useMutation(trpc.proposals.create.mutationOptions({ onSuccess: () => startRefresh(() => router.refresh()) }));
  const id = `proposal-message-${offerId}`;
  const fieldErrors = propose.error ? fieldErrorsOf(propose.error) : {};
  const messageErrors = fieldErrors.message ?? [];
  const otherError = propose.error && messageErrors.length === 0 ? errorMessageOf(propose.error) : null;
  const hint = "La personne le lira avec l'offre. 500 caractères au plus.";

  if (alreadyProposed || propose.isSuccess) {
    return <Notice tone="success">Offre proposée à la personne.</Notice>;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (propose.isPending) return;
    const form = new FormData(event.currentTarget);
    const message = String(form.get("message") ?? "").trim();
    propose.mutate({ profileId, offerId, message: message || null });
  }

  return (
    <form onSubmit={onSubmit} className="form" noValidate method="post">
      <div className={messageErrors.length ? "field field--invalid" : "field"}>
        <label htmlFor={id} className="field__label">
          Message<span className="field__optional"> (facultatif)</span>
          <span className="sr-only"> pour l'offre {offerTitle}</span>
        </label>
        <FieldHint id={id} hint={hint} />
        <FieldError id={id} errors={messageErrors} />
        <textarea
          id={id}
          name="message"
          className="input caseload-textarea"
          maxLength={500}
          rows={2}
          aria-invalid={messageErrors.length ? true : undefined}
          aria-describedby={describedBy(id, hint, messageErrors)}
        />
      </div>
      {otherError ? (
        <p className="inline-error" role="alert">
          {otherError}
        </p>
      ) : null}
      <Button type="submit" small busy={propose.isPending} busyLabel="Envoi…" aria-label={`Proposer cette offre : ${offerTitle}`}>
        Proposer cette offre
      </Button>
    </form>
  );
}
