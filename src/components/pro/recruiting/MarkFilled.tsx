"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { IconCheck } from "@/components/ui/icons";
import { errorMessageOf, useTRPCClient } from "@/lib/trpc/client";

type Props = { offerId: string; version: number; hires: number; positions: number };

/**
 * After the hire that fills the offer's last position: the offer is left as it is, and the
 * employer is asked whether to mark it filled (it then stops being shown to candidates).
 */
export function MarkFilled({ offerId, version, hires, positions }: Props) {
  const client = useTRPCClient();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [refreshing, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function markFilled() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await client.offers.markFilled.mutate({ offerId, version });
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
      <Notice tone="success" title="L'offre est marquée pourvue.">
        <p>Elle n'est plus proposée aux candidats.</p>
      </Notice>
    );
  }
  return (
    <Notice tone="info" title="Toutes les places de cette offre sont pourvues.">
      <p>
        {hires} embauche{hires > 1 ? "s" : ""} pour {positions} poste{positions > 1 ? "s" : ""}. Voulez-vous marquer l'offre
        pourvue ? Elle ne sera plus proposée aux candidats.
      </p>
      {error ? (
        <p className="inline-error" role="status">
          {error}
        </p>
      ) : null}
      <Button icon={<IconCheck />} onClick={markFilled} busy={busy || refreshing} busyLabel="Un instant…">
        Marquer l'offre pourvue
      </Button>
    </Notice>
  );
}
