"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { IconCheck } from "@/components/ui/icons";
import { formErrorsOf, useTRPC } from "@/lib/trpc/client";
import type { PickedCommune } from "@/components/ui/pickers/CommunePicker";
import { ORGANISATION_FIELD_IDS, OrganisationFields, ORGANISATION_WORDS, type OrganisationKind } from "./OrganisationFields";

/** For an account without an organisation yet (created by an admin): register it with its SIRET. */
export function RegisterOrganisationForm({ kind }: { kind: OrganisationKind }) {
  const trpc = useTRPC();
  const router = useRouter();
  const register = useMutation(trpc.organisations.register.mutationOptions());
  const [commune, setCommune] = useState<PickedCommune | null>(null);
  const [attempt, setAttempt] = useState(0);

  const { fieldErrors, errors } = formErrorsOf(register.error, ORGANISATION_FIELD_IDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (register.isPending) return;
    const form = new FormData(event.currentTarget);
    register.mutate(
      {
        siret: String(form.get("siret") ?? ""),
        organisationName: String(form.get("organisationName") ?? ""),
        communeInsee: commune?.insee ?? "",
        addressLine: String(form.get("addressLine") ?? ""),
      },
      {
        onError: () => setAttempt((n) => n + 1),
        onSuccess: () => router.refresh(),
      },
    );
  }

  return (
    <form onSubmit={onSubmit} className="form" noValidate method="post" aria-label={`Enregistrer ${ORGANISATION_WORDS[kind].the}`}>
      <ErrorSummary errors={errors} focusKey={attempt} />
      <OrganisationFields kind={kind} fieldErrors={fieldErrors} commune={commune} onCommuneChange={setCommune} />
      <Button type="submit" icon={<IconCheck />} busy={register.isPending || register.isSuccess} busyLabel="Enregistrement…">
        {kind === "company" ? "Enregistrer mon entreprise" : "Enregistrer mon organisme"}
      </Button>
    </form>
  );
}
