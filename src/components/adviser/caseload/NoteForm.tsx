"use client";

import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Notice } from "@/components/ui/Notice";
import { FieldError, FieldHint, describedBy } from "@/components/ui/TextField";
import { useMutationForm } from "@/components/ui/useMutationForm";
import { useTRPC } from "@/lib/trpc/client";

const FIELD_IDS = { body: "note-body" };

/** A private note on the person: advisers and admins read it, never employers nor the person's matches. */
export function NoteForm({ profileId }: { profileId: string }) {
  const trpc = useTRPC();
  const form = useMutationForm({
    mutation: trpc.caseload.addNote.mutationOptions(),
    fieldIds: FIELD_IDS,
    input: (fields) => ({ profileId, body: String(fields.get("body") ?? "") }),
    refresh: true,
    clearOnSuccess: true,
  });
  const { mutation: add, fieldErrors, errors } = form;
  const bodyErrors = fieldErrors.body ?? [];
  const hint = "Visible des seuls conseillers et administrateurs. 4 000 caractères au plus.";

  return (
    <form key={form.formKey} onSubmit={form.onSubmit} className="form" noValidate method="post">
      <ErrorSummary errors={errors} focusKey={form.attempt} />
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
