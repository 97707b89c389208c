"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { errorMessageOf, fieldErrorsOf, useTRPC } from "@/lib/trpc/client";
import type { EffectiveStatus } from "./labels";

type Action = "publish" | "pause" | "resume" | "markFilled" | "close";

const WORDS: Record<Action, { button: string; busy: string; confirm?: string; yes?: string; done: string }> = {
  publish: { button: "Publier l'offre", busy: "Publication…", done: "L'offre est publiée." },
  pause: {
    button: "Mettre en pause",
    busy: "Mise en pause…",
    confirm: "Les candidats ne verront plus l'offre jusqu'à ce que vous la remettiez en ligne. Les candidatures reçues sont gardées.",
    yes: "Oui, mettre en pause",
    done: "L'offre est en pause.",
  },
  resume: { button: "Remettre en ligne", busy: "Remise en ligne…", done: "L'offre est de nouveau en ligne." },
  markFilled: {
    button: "Marquer pourvue",
    busy: "Enregistrement…",
    confirm: "Le poste est pourvu : l'offre ne sera plus proposée et ne pourra plus être remise en ligne (vous pourrez la dupliquer).",
    yes: "Oui, le poste est pourvu",
    done: "L'offre est marquée pourvue.",
  },
  close: {
    button: "Clôturer",
    busy: "Clôture…",
    confirm: "L'offre ne sera plus proposée et ne pourra plus être remise en ligne (vous pourrez la dupliquer).",
    yes: "Oui, clôturer l'offre",
    done: "L'offre est clôturée.",
  },
};

const ACTIONS_BY_STATUS: Record<EffectiveStatus, Action[]> = {
  draft: ["publish"],
  published: ["pause", "markFilled", "close"],
  expired: ["pause", "markFilled", "close"],
  paused: ["resume", "markFilled", "close"],
  filled: [],
  closed: [],
};

/** The buttons that change an offer's status (with a confirmation for what cannot be undone), and "Dupliquer". */
export function StatusActions({ offerId, version, status }: { offerId: string; version: number; status: EffectiveStatus }) {
  const trpc = useTRPC();
  const router = useRouter();
  const options = {
    publish: useMutation(trpc.offers.publish.mutationOptions()),
    pause: useMutation(trpc.offers.pause.mutationOptions()),
    resume: useMutation(trpc.offers.resume.mutationOptions()),
    markFilled: useMutation(trpc.offers.markFilled.mutationOptions()),
    close: useMutation(trpc.offers.close.mutationOptions()),
  };
  const duplicate = useMutation(trpc.offers.duplicate.mutationOptions());
  const [confirming, setConfirming] = useState<Action | null>(null);
  const [pending, setPending] = useState<Action | "duplicate" | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  async function run(action: Action) {
    if (pending) return;
    setPending(action);
    setError(null);
    setDone(null);
    try {
      await options[action].mutateAsync({ offerId, version });
      setConfirming(null);
      setDone(WORDS[action].done);
      router.refresh();
    } catch (err) {
      setError(err);
    } finally {
      setPending(null);
    }
  }

  async function copy() {
    if (pending) return;
    setPending("duplicate");
    setError(null);
    try {
      const created = await duplicate.mutateAsync({ offerId });
      router.push(`/employeur/offres/${created.id}/modifier`);
    } catch (err) {
      setError(err);
      setPending(null);
    }
  }

  const fields = error ? fieldErrorsOf(error) : {};
  // a stored draft that misses something: what, and where to complete it
  const missing = Object.entries(fields)
    .filter(([key]) => key !== "_")
    .flatMap(([, m]) => m.slice(0, 1));
  const general = fields._?.[0] ?? (error ? errorMessageOf(error) : null);
  const conflict = error instanceof TRPCClientError && error.data?.code === "CONFLICT";
  const actions = ACTIONS_BY_STATUS[status];

  return (
    <div className="offer-actions" data-testid="offer-actions">
      {done ? (
        <Notice tone="success">
          <p>{done}</p>
        </Notice>
      ) : null}
      {error ? (
        <Notice tone="error" title={missing.length ? "L'offre ne peut pas encore être publiée" : undefined}>
          {missing.length ? (
            <>
              <ul>
                {missing.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
              <p>
                <Link href={`/employeur/offres/${offerId}/modifier`}>Compléter l'offre</Link>
              </p>
            </>
          ) : (
            <p>{general}</p>
          )}
          {conflict ? (
            <p>
              <Button variant="secondary" small onClick={() => window.location.reload()}>
                Recharger la page
              </Button>
            </p>
          ) : null}
        </Notice>
      ) : null}
      <div className="actions">
        {actions.map((action) => {
          const words = WORDS[action];
          return (
            <Button
              key={action}
              variant={action === "close" || action === "markFilled" ? "secondary" : "primary"}
              busy={pending === action}
              busyLabel={words.busy}
              aria-expanded={words.confirm ? confirming === action : undefined}
              onClick={() => (words.confirm ? setConfirming(confirming === action ? null : action) : void run(action))}
            >
              {words.button}
            </Button>
          );
        })}
        <Button variant="secondary" busy={pending === "duplicate"} busyLabel="Copie…" onClick={() => void copy()}>
          Dupliquer en brouillon
        </Button>
      </div>
      {confirming && WORDS[confirming].confirm ? (
        <div
          ref={confirmRef}
          tabIndex={-1}
          className="offer-actions__confirm"
          role="group"
          aria-labelledby="offer-confirm-text"
          data-testid="offer-confirm"
        >
          <p id="offer-confirm-text">
            <strong>{WORDS[confirming].confirm}</strong>
          </p>
          <div className="actions">
            <Button
              variant={confirming === "close" ? "danger" : "primary"}
              busy={pending === confirming}
              busyLabel={WORDS[confirming].busy}
              onClick={() => void run(confirming)}
            >
              {WORDS[confirming].yes}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(null)}>
              Annuler
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
