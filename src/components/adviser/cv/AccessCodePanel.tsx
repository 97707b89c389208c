"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { formatDate } from "@/lib/dates";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { IconKey } from "@/components/ui/icons";
import { errorMessageOf, fieldErrorsOf, useTRPC } from "@/lib/trpc/client";
import { AccessLetterLink } from "./AccessLetterLink";
import "./cv.css";

type Props = {
  userId: string;
  personName: string;
  /** the code waiting to be used, as on the letter; null when none can be shown */
  initial: { code: string; expiresAt: string } | null;
  /** the instance's time zone, for the expiry date */
  timeZone: string;
  /** false where the page already shows the code (the letter right after creating the account) */
  showCode?: boolean;
  /** told of a new code, so the rest of the page shows it too */
  onRenewed?: (code: { code: string; expiresAt: string }) => void;
};

/**
 * On a pending person's file: the code of their letter and the letter (PDF) for that same
 * code. Giving a new code is a separate, confirmed action that says the old one stops working.
 */
export function AccessCodePanel({ userId, personName, initial, timeZone, showCode = true, onRenewed }: Props) {
  const trpc = useTRPC();
  const [current, setCurrent] = useState(initial);
  const [confirming, setConfirming] = useState(false);
  const [renewed, setRenewed] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const renewedRef = useRef<HTMLDivElement>(null);
  const ids = useId();
  const reissue = useMutation(
    trpc.accounts.reissueAccessCode.mutationOptions({
      onSuccess: (issued) => {
        const next = { code: issued.code, expiresAt: new Date(issued.expiresAt).toISOString() };
        setCurrent(next);
        onRenewed?.(next);
        setConfirming(false);
        setRenewed(true);
      },
    }),
  );
  // the question, then the new code, take the focus so a screen reader hears what changed
  useEffect(() => {
    if (confirming) questionRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (renewed) renewedRef.current?.focus();
  }, [renewed, current]);
  const error = reissue.error ? (Object.values(fieldErrorsOf(reissue.error)).flat()[0] ?? errorMessageOf(reissue.error)) : null;

  return (
    <section className="adviser-cv__code" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Code d'activation</h3>
      {renewed ? (
        <div ref={renewedRef} tabIndex={-1}>
          <Notice tone="success">
            <p>Nouveau code créé. L'ancien code ne marche plus, ni les courriers déjà imprimés.</p>
          </Notice>
        </div>
      ) : null}
      {current && showCode ? (
        <>
          <p>
            Code à donner à {personName} :{" "}
            <strong className="adviser-cv__code-value" data-testid="access-code-on-file">
              {current.code}
            </strong>
          </p>
          <p className="muted">Il marche une seule fois, jusqu'au {formatDate(current.expiresAt, timeZone)}.</p>
          <AccessLetterLink userId={userId} />
        </>
      ) : current ? (
        <AccessLetterLink userId={userId} />
      ) : (
        <p>
          Aucun code à afficher : le dernier a servi, a expiré ou date d'avant cette page. Donnez un nouveau code pour
          imprimer un courrier.
        </p>
      )}
      {confirming ? (
        <div className="adviser-cv__confirm" role="group" aria-labelledby={`${ids}-question`}>
          <p id={`${ids}-question`} ref={questionRef} tabIndex={-1}>
            <strong>Donner un nouveau code à {personName} ?</strong> Le code actuel ne marchera plus, ni les courriers déjà
            imprimés ou remis.
          </p>
          <div className="actions">
            <Button variant="danger" busy={reissue.isPending} busyLabel="Création…" onClick={() => reissue.mutate({ userId })}>
              Oui, donner un nouveau code
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Annuler
            </Button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <Button variant="secondary" icon={<IconKey />} onClick={() => setConfirming(true)}>
            Donner un nouveau code
          </Button>
        </div>
      )}
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
