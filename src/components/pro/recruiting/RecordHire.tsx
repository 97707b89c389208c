"use client";

import { ConfirmAction } from "@/components/ui/ConfirmAction";
import { IconCheck } from "@/components/ui/icons";
import { errorMessageOf, useTRPCClient } from "@/lib/trpc/client";

type Props = { offerId: string; candidateId: string; who: string; offerTitle: string };

/**
 * "Enregistrer l'embauche" for a person who accepted the company's contact request without
 * applying to this offer: asks to confirm, then records the hire (and its placement).
 */
export function RecordHire({ offerId, candidateId, who, offerTitle }: Props) {
  const client = useTRPCClient();
  return (
    <ConfirmAction
      label="Enregistrer l'embauche"
      icon={<IconCheck />}
      variant="primary"
      groupLabel={`Embaucher ${who}`}
      boxClassName="recruit-panel recruit-panel--confirm"
      question={
        <p>
          <strong>
            Vous embauchez {who} pour « {offerTitle} » ?
          </strong>{" "}
          L'embauche est enregistrée et son conseiller suivra ses premiers mois dans l'emploi. Cela ne se défait pas.
        </p>
      }
      confirmLabel="Confirmer l'embauche"
      confirmIcon={<IconCheck />}
      busyLabel="Enregistrement…"
      cancelLabel="Annuler"
      run={() => client.recruiting.recordHire.mutate({ offerId, candidateId })}
      errorMessage={errorMessageOf}
      doneIcon={<IconCheck size="1.25em" />}
      doneMessage={`Bravo : l'embauche de ${who} est enregistrée. Son conseiller suivra ses premiers mois dans l'emploi.`}
      focusDone
    />
  );
}
