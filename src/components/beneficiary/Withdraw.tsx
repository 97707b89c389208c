"use client";

import { useTRPCClient } from "@/lib/trpc/client";
import { ConfirmAction } from "@/components/ui/ConfirmAction";
import { IconClose } from "@/components/ui/icons";

export function WithdrawApplication({ applicationId, title }: { applicationId: string; title: string }) {
  const client = useTRPCClient();
  return (
    <ConfirmAction
      label="Retirer ma candidature"
      icon={<IconClose size="1.25em" />}
      question={
        <p>
          Retirer votre candidature pour « {title} » ? Vous ne pourrez pas postuler à nouveau à cette offre.
        </p>
      }
      confirmLabel="Oui, retirer"
      run={() => client.applications.withdraw.mutate({ applicationId })}
      doneMessage="Votre candidature est retirée."
    />
  );
}
