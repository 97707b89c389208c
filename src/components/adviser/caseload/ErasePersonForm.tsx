"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Checkbox";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { RadioCards } from "@/components/ui/RadioCards";
import { IconTrash } from "@/components/ui/icons";
import { formErrorsOf, useTRPC } from "@/lib/trpc/client";
import { ERASE_REASONS, STAFF_ERASE_REASONS } from "@/server/privacy/reasons";

const FIELD_IDS = { reason: "erase-reason", confirm: "erase-confirm" };

/** An adviser (their people without an account) or an admin erases a person, with a reason and a confirmation. */
export function ErasePersonForm({ profileId, name }: { profileId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const erase = useMutation(
    trpc.privacy.erasePerson.mutationOptions({
      onSuccess: () => router.push("/conseiller?personne=effacee"),
      onError: () => setAttempt((n) => n + 1),
    }),
  );
  const { fieldErrors, errors } = formErrorsOf(erase.error, FIELD_IDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (erase.isPending) return;
    const form = new FormData(event.currentTarget);
    erase.mutate({
      profileId,
      reason: String(form.get("reason") ?? "") as (typeof STAFF_ERASE_REASONS)[number],
      confirm: (form.get("confirm") === "on") as true,
    });
  }

  if (!open) {
    return (
      <Button variant="danger" icon={<IconTrash />} onClick={() => setOpen(true)}>
        Effacer cette personne…
      </Button>
    );
  }
  return (
    <form className="confirm-box form" onSubmit={onSubmit} noValidate aria-labelledby="erase-person-title">
      <h3 id="erase-person-title" className="subform__title">
        Effacer {name} et toutes ses données ?
      </h3>
      <ErrorSummary errors={errors} focusKey={attempt} />
      <p>
        Son CV, ses candidatures, ses propositions, ses emplois et leur suivi, vos notes, les e-mails et notifications qui la
        concernent sont effacés. Le journal garde seulement « une personne a été effacée », par vous, avec la raison.{" "}
        <strong>On ne peut pas revenir en arrière.</strong>
      </p>
      <RadioCards
        id={FIELD_IDS.reason}
        name="reason"
        legend="Pourquoi ?"
        error={fieldErrors.reason}
        options={STAFF_ERASE_REASONS.map((r) => ({ value: r, label: ERASE_REASONS[r] }))}
      />
      <Checkbox id={FIELD_IDS.confirm} name="confirm" label="Je confirme l'effacement définitif." error={fieldErrors.confirm} />
      <div className="actions">
        <Button type="submit" variant="danger" icon={<IconTrash />} busy={erase.isPending} busyLabel="Effacement…">
          Oui, effacer
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          Non, garder
        </Button>
      </div>
    </form>
  );
}
