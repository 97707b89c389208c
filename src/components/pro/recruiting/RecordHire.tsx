"use client";

import { useState } from "react";
import { ConfirmAction } from "@/components/ui/ConfirmAction";
import { TextField } from "@/components/ui/TextField";
import { IconCheck } from "@/components/ui/icons";
import { errorMessageOf, useTRPCClient } from "@/lib/trpc/client";
import { followUpSentence, type FollowUp } from "@/server/followup/follow-up-words";

type Props = { offerId: string; candidateId: string; who: string; offerTitle: string; followUp: FollowUp | null; today: string };

/**
 * "Enregistrer l'embauche" for a person who accepted the company's contact request without
 * applying to this offer: asks to confirm, then records the hire (and its placement).
 */
export function RecordHire({ offerId, candidateId, who, offerTitle, followUp, today }: Props) {
  const client = useTRPCClient();
  // the server says who follows once the hire is recorded (an adviser may have taken the person meanwhile)
  const [followedBy, setFollowedBy] = useState<FollowUp | null>(followUp);
  const [startsOn, setStartsOn] = useState(today);
  return (
    <ConfirmAction
      label="Enregistrer l'embauche"
      icon={<IconCheck />}
      variant="primary"
      groupLabel={`Embaucher ${who}`}
      boxClassName="recruit-panel recruit-panel--confirm"
      question={
        <>
          <p>
            <strong>
              Vous embauchez {who} pour « {offerTitle} » ?
            </strong>{" "}
            L'embauche est enregistrée et la personne est prévenue. {followUpSentence(followUp)} Vous pourrez l'annuler
            pendant 24 heures, depuis les candidatures de l'offre.
          </p>
          <TextField
            id="record-hire-starts-on"
            name="startsOn"
            type="date"
            label="Premier jour de travail"
            hint="Aujourd'hui si vous ne savez pas encore."
            value={startsOn}
            onChange={(e) => setStartsOn(e.target.value)}
          />
        </>
      }
      confirmLabel="Confirmer l'embauche"
      confirmIcon={<IconCheck />}
      busyLabel="Enregistrement…"
      cancelLabel="Annuler"
      run={async () => setFollowedBy((await client.recruiting.recordHire.mutate({ offerId, candidateId, startsOn: startsOn || null })).followUp)}
      errorMessage={errorMessageOf}
      doneIcon={<IconCheck size="1.25em" />}
      doneMessage={`Bravo : l'embauche de ${who} est enregistrée. ${followUpSentence(followedBy)}`}
      focusDone
    />
  );
}
