"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmAction } from "@/components/ui/ConfirmAction";
import { IconClose, IconCheck } from "@/components/ui/icons";
import { isNetworkError } from "@/components/ui/formErrors";
import { Button } from "@/components/ui/Button";
import { errorMessageOf, useTRPCClient } from "@/lib/trpc/client";
import type { FormationStatus } from "@/server/formations/schema";

/** Publish a draft (or reopen a closed formation), or close the registrations. */
export function FormationActions({ formationId, status, title }: { formationId: string; status: FormationStatus; title: string }) {
  const client = useTRPCClient();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [refreshing, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  async function publish() {
    setBusy(true);
    setError(null);
    try {
      await client.formations.publish.mutate({ formationId });
      startTransition(() => router.refresh());
    } catch (e) {
      setError(isNetworkError(e) ? "Pas de connexion : réessayez." : errorMessageOf(e));
    } finally {
      setBusy(false);
    }
  }

  if (status === "draft" || status === "closed") {
    return (
      <div>
        <Button icon={<IconCheck />} onClick={publish} busy={busy || refreshing} busyLabel="Publication…">
          {status === "closed" ? "Publier à nouveau" : "Publier la formation"}
        </Button>
        {error ? (
          <p className="inline-error" role="status">
            {error}
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <ConfirmAction
      label="Fermer les inscriptions"
      icon={<IconClose size="1.25em" />}
      variant="danger"
      question={
        <p>
          Fermer les inscriptions à « {title} » ? Les personnes ne la verront plus et ne pourront plus s'y inscrire. Vous
          pourrez encore répondre aux demandes reçues, et la publier à nouveau plus tard.
        </p>
      }
      confirmLabel="Oui, fermer"
      run={() => client.formations.close.mutate({ formationId })}
      doneMessage="Les inscriptions sont fermées."
    />
  );
}
