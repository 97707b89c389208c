"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Notice } from "@/components/ui/Notice";
import { FieldError, FieldHint, describedBy } from "@/components/ui/TextField";
import { formErrorsOf, useTRPC } from "@/lib/trpc/client";

const FIELD_IDS = { body: "note-body" };

/** A private note on the person: advisers and admins read it, never employers nor the person's matches. */
export function NoteForm({ profileId }: { profileId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [, startRefresh] = useTransition();
  const [attempt, setAttempt] = useState(0);
  const [formKey, setFormKey] = useState(0);
  const add = useMutation(
    trpc.caseload.addNote.mutationOptions({
      onSuccess: () => {
        setFormKey((k) => k + 1);
        startRefresh(() => router.refresh());
      },
      onError: () => setAttempt((n) => n + 1),
    }),
  );
  const { fieldErrors, errors } = formErrorsOf(add.error, FIELD_IDS);
  const bodyErrors = fieldErrors.body ?? [];
  const hint = "Visible des seuls conseillers et administrateurs. 4 000 caractères au plus.";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    const form = new FormData(event.currentTarget);
    add.mutate({ profileId, body: String(form.get("body") ?? "") });
  }

  return (
    <form key={formKey} onSubmit={onSubmit} className="form" noValidate method="post">
      <ErrorSummary errors={errors} focusKey={attempt} />
      {add.isSuccess ? <Notice tone="success">La note est ajoutée.</Notice> : null}
      <div className={bodyErrors.length ? "field field--invalid" : "field"}>
        <label htmlFor={FIELD_IDS.body} className="field__label">
          Nouvelle note
        </label>
        <FieldHint id={FIELD_IDS.body} hint={hint} />
        <FieldError id={FIELD_IDS.body} errors={bodyErrors} />
        <textarea
          id={FIELD_IDS.body}
          name="body"
          className="input caseload-textarea"
          maxLength={4000}
          rows={4}
          aria-invalid={bodyErrors.length ? true : undefined}
          aria-describedby={describedBy(FIELD_IDS.body, hint, bodyErrors)}
        />
      </div>
      <Button type="submit" busy={add.isPending} busyLabel="Enregistrement…">
        Ajouter une note
      </Button>
    </form>
  );
}
