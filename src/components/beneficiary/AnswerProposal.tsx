"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { errorMessageOf, useTRPCClient } from "@/lib/trpc/client";
import { IconBan, IconThumbUp } from "@/components/ui/icons";
import { isNetworkError } from "@/components/ui/formErrors";

type Props = {
  proposalId: string;
  describedBy: string;
  /** said after "yes" (e.g. what the company can now see) */
  acceptedNote?: string;
  /** said after "no" */
  declinedNote?: string;
};

/** "Oui, j'accepte" / "Non, merci" for one proposal; the page is refreshed after the answer. */
export function AnswerProposal({ proposalId, describedBy, acceptedNote, declinedNote }: Props) {
  const client = useTRPCClient();
  const router = useRouter();
  const [busy, setBusy] = useState<"yes" | "no" | null>(null);
  const [refreshing, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [answered, setAnswered] = useState<boolean | null>(null);

  async function answer(accept: boolean) {
    if (busy) return;
    setBusy(accept ? "yes" : "no");
    setError(null);
    try {
      await client.proposals.answer.mutate({ proposalId, accept });
      setAnswered(accept);
      startTransition(() => router.refresh());
    } catch (e) {
      setError(isNetworkError(e) ? "Pas de connexion : réessayez." : errorMessageOf(e));
    } finally {
      setBusy(null);
    }
  }

  if (answered !== null) {
    return (
      <p role="status">
        <strong>
          {answered
            ? (acceptedNote ?? "Merci, c'est noté : vous avez accepté.")
            : (declinedNote ?? "C'est noté : vous avez refusé.")}
        </strong>
      </p>
    );
  }
  return (
    <div>
      {error ? (
        <p className="inline-error" role="status">
          {error}
        </p>
      ) : null}
      <div className="actions" style={{ marginTop: "var(--space-3)" }}>
        <Button icon={<IconThumbUp />} onClick={() => answer(true)} busy={busy === "yes" || refreshing} busyLabel="Envoi…" aria-describedby={describedBy}>
          Oui, j'accepte
        </Button>
        <Button variant="secondary" icon={<IconBan />} onClick={() => answer(false)} busy={busy === "no"} busyLabel="Envoi…">
          Non, merci
        </Button>
      </div>
    </div>
  );
}
