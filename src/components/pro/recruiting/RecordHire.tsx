"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { IconCheck } from "@/components/ui/icons";
import { errorMessageOf, useTRPCClient } from "@/lib/trpc/client";

type Props = { offerId: string; profileId: string; who: string; offerTitle: string };

/**
 * "Enregistrer l'embauche" for a person who accepted the company's contact request without
 * applying to this offer: asks to confirm, then records the hire (and its placement).
 */
export function RecordHire({ offerId, profileId, who, offerTitle }: Props) {
  const client = useTRPCClient();
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refreshing, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const doneRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  async function confirm() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await client.recruiting.recordHire.mutate({ offerId, profileId });
      setDone(true);
      startTransition(() => router.refresh());
    } catch (e) {
      setError(errorMessageOf(e));
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <p className="with-icon" role="status" tabIndex={-1} ref={doneRef}>
        <IconCheck size="1.25em" />
        <strong>Bravo : l'embauche de {who} est enregistrée. Son conseiller suivra ses premiers mois dans l'emploi.</strong>
      </p>
    );
  }
  if (!asking) {
    return (
      <Button icon={<IconCheck />} onClick={() => setAsking(true)}>
        Enregistrer l'embauche
      </Button>
    );
  }
  return (
    <div className="recruit-panel recruit-panel--confirm" role="group" aria-label={`Embaucher ${who}`}>
      <p>
        <strong>
          Vous embauchez {who} pour « {offerTitle} » ?
        </strong>{" "}
        L'embauche est enregistrée et son conseiller suivra ses premiers mois dans l'emploi. Cela ne se défait pas.
      </p>
      {error ? (
        <p className="inline-error" role="status">
          {error}
        </p>
      ) : null}
      <div className="actions" style={{ marginTop: 0 }}>
        <Button icon={<IconCheck />} onClick={confirm} busy={busy || refreshing} busyLabel="Enregistrement…" autoFocus>
          Confirmer l'embauche
        </Button>
        <Button variant="secondary" onClick={() => setAsking(false)}>
          Annuler
        </Button>
      </div>
    </div>
  );
}
