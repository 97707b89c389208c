"use client";

import { useRunThenRefresh } from "@/components/ui/ConfirmAction";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { IconCheck } from "@/components/ui/icons";
import { useTRPCClient } from "@/lib/trpc/client";

type Props = { offerId: string; version: number; hires: number; positions: number };

/**
 * After the hire that fills the offer's last position: the offer is left as it is, and the
 * employer is asked whether to mark it filled (it then stops being shown to candidates).
 */
export function MarkFilled({ offerId, version, hires, positions }: Props) {
  const client = useTRPCClient();
  const { start, busy, error, done } = useRunThenRefresh(() => client.offers.markFilled.mutate({ offerId, version }));

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
      <Button icon={<IconCheck />} onClick={start} busy={busy} busyLabel="Un instant…">
        Marquer l'offre pourvue
      </Button>
    </Notice>
  );
}
