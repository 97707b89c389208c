"use client";

import { useState } from "react";
import { ConfirmAction } from "@/components/ui/ConfirmAction";
import { IconCheck } from "@/components/ui/icons";
import { errorMessageOf, useTRPCClient } from "@/lib/trpc/client";
import { followUpSentence, type FollowUp } from "@/server/followup/follow-up-words";

type Props = { offerId: string; candidateId: string; who: string; offerTitle: string; followUp: FollowUp | null };

/**
 * "Enregistrer l'embauche" for a person who accepted the company's contact request without
 * applying to this offer: asks to confirm, then records the hire (and its placement).
 */
export function RecordHire({ offerId, candidateId, who, offerTitle, followUp }: Props) {
  const client = useTRPCClient();
  // the server says who follows once the hire is recorded (an adviser may have taken the person meanwhile)
  const [followedBy, setFollowedBy] = useState<FollowUp | null>(followUp);
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
          L'embauche est enregistrée. {followUpSentence(followUp)} Cela ne se défait pas.
        </p>
      }
      confirmLabel="Confirmer l'embauche"
      confirmIcon={<IconCheck />}
      busyLabel="Enregistrement…"
      cancelLabel="Annuler"
      run={async () => setFollowedBy((await client.recruiting.recordHire.mutate({ offerId, candidateId })).followUp)}
      errorMessage={errorMessageOf}
      doneIcon={<IconCheck size="1.25em" />}
      doneMessage={`Bravo : l'embauche de ${who} est enregistrée. ${followUpSentence(followedBy)}`}
      focusDone
    />
  );
}
