"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Notice } from "@/components/ui/Notice";
import { IconCheck, IconDocument } from "@/components/ui/icons";
import { formErrorsOf, useTRPC } from "@/lib/trpc/client";
import type { PickedCommune } from "@/components/ui/pickers/CommunePicker";
import { ORGANISATION_FIELD_IDS, OrganisationFields, type OrganisationKind } from "./OrganisationFields";

const { siret: _siret, ...FIELD_IDS } = ORGANISATION_FIELD_IDS;
const OPENER_ID = "modifier-organisation";

type Props = {
  kind: OrganisationKind;
  current: { name: string; addressLine: string | null; commune: PickedCommune | null };
};

/** The owner's form to correct the name, the commune or the street address (behind a button). */
export function OrganisationEditor({ kind, current }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.organisations.update.mutationOptions());
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const [commune, setCommune] = useState<PickedCommune | null>(current.commune);
  const [attempt, setAttempt] = useState(0);
  const firstFieldFocus = useRef(false);

  useEffect(() => {
    if (open && firstFieldFocus.current) {
      document.getElementById(FIELD_IDS.organisationName)?.focus();
      firstFieldFocus.current = false;
    }
  }, [open]);

  const { fieldErrors, errors } = formErrorsOf(update.error, FIELD_IDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    const form = new FormData(event.currentTarget);
    update.mutate(
      {
        organisationName: String(form.get("organisationName") ?? ""),
        communeInsee: commune?.insee ?? "",
        addressLine: String(form.get("addressLine") ?? ""),
      },
      {
        onError: () => setAttempt((n) => n + 1),
        onSuccess: () => {
          setOpen(false);
          setSaved(true);
          router.refresh();
          setTimeout(() => document.getElementById(OPENER_ID)?.focus(), 0);
        },
      },
    );
  }

  if (!open) {
    return (
      <div className="no-print">
        {saved ? (
          <Notice tone="success">
            <p>Les informations sont enregistrées.</p>
          </Notice>
        ) : null}
        <Button
          id={OPENER_ID}
          variant="secondary"
          icon={<IconDocument />}
          onClick={() => {
            firstFieldFocus.current = true;
            setSaved(false);
            update.reset();
            setCommune(current.commune);
            setOpen(true);
          }}
        >
          Modifier les informations
        </Button>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} className="form no-print" noValidate method="post" aria-label="Modifier les informations">
      <ErrorSummary errors={errors} focusKey={attempt} />
      <p className="muted">Le numéro SIRET ne change pas : il identifie {kind === "company" ? "l'entreprise" : "l'organisme"}.</p>
      <OrganisationFields
        kind={kind}
        withSiret={false}
        fieldErrors={fieldErrors}
        commune={commune}
        onCommuneChange={setCommune}
        defaults={{ organisationName: current.name, addressLine: current.addressLine }}
      />
      <div className="actions">
        <Button type="submit" icon={<IconCheck />} busy={update.isPending} busyLabel="Enregistrement…">
          Enregistrer les modifications
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            setOpen(false);
            setTimeout(() => document.getElementById(OPENER_ID)?.focus(), 0);
          }}
        >
          Annuler
        </Button>
      </div>
    </form>
  );
}
