"use client";

import { ConfirmAction } from "@/components/ui/ConfirmAction";
import { IconBan, IconCheck } from "@/components/ui/icons";
import { errorMessageOf, useTRPCClient } from "@/lib/trpc/client";

type Props = { applicationId: string; who: string; /** until when the hire can be undone */ undoUntil: Date | string | null };

function timeOf(d: Date): string {
  return d.toLocaleString("fr-FR", { weekday: "long", hour: "2-digit", minute: "2-digit" });
}

/**
 * "Annuler l'embauche", for 24 hours after it was recorded (a wrong tap, a person who did not
 * come after all). The person and their adviser were already told: the question says so.
 */
export function HireUndo({ applicationId, who, undoUntil }: Props) {
  const client = useTRPCClient();
  const until = undoUntil ? new Date(undoUntil) : null;
  if (!until || until.getTime() <= Date.now()) return null;
  return (
    <ConfirmAction
      label="Annuler l'embauche"
      icon={<IconBan />}
      variant="secondary"
      groupLabel={`Annuler l'embauche de ${who}`}
      question={
        <>
          <p>
            <strong>Annuler l'embauche de {who} ?</strong> Le suivi prévu par le conseiller est retiré et la candidature
            revient à son état d'avant. C'est possible jusqu'à {timeOf(until)}.
          </p>
          <p>
            La personne a été prévenue de l'embauche, et son conseiller aussi : ces messages ne sont pas repris. Prévenez-la
            vous-même.
          </p>
        </>
      }
      confirmLabel="Oui, annuler l'embauche"
      confirmIcon={<IconBan />}
      busyLabel="Annulation…"
      cancelLabel="Non, garder"
      run={() => client.recruiting.undoHire.mutate({ applicationId })}
      errorMessage={errorMessageOf}
      doneIcon={<IconCheck size="1.25em" />}
      doneMessage={`L'embauche de ${who} est annulée. Pensez à prévenir la personne.`}
      focusDone
    />
  );
}
