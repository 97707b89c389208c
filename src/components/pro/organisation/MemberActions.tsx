"use client";

import { formatDate } from "@/lib/dates";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { IconKey } from "@/components/ui/icons";
import { errorMessageOf, useTRPC } from "@/lib/trpc/client";
import type { OrganisationKind } from "./OrganisationFields";

type Props = {
  kind: OrganisationKind;
  member: { userId: string; name: string; pending: boolean };
  /** the instance's time zone, for a new code's expiry date */
  timeZone: string;
};

/** The owner's actions on one member: a new code (not activated yet), remove (after confirming). */
export function MemberActions({ kind, member, timeZone }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const remove = useMutation(trpc.organisations.removeRecruiter.mutationOptions());
  const reissue = useMutation(trpc.organisations.reissueRecruiterCode.mutationOptions());
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const removeId = `retirer-${member.userId}`;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const where = kind === "company" ? "l'entreprise" : "l'organisme";

  return (
    <div className="company-member__actions no-print">
      {!confirming ? (
        <div className="company-member__buttons">
          {member.pending ? (
            <Button
              variant="secondary"
              small
              icon={<IconKey />}
              busy={reissue.isPending}
              busyLabel="Création du code…"
              aria-label={`Nouveau code pour ${member.name}`}
              onClick={() => reissue.mutate({ userId: member.userId })}
            >
              Nouveau code
            </Button>
          ) : null}
          <Button
            id={removeId}
            variant="danger"
            small
            aria-label={`Retirer ${member.name}`}
            onClick={() => {
              remove.reset();
              setConfirming(true);
            }}
          >
            Retirer
          </Button>
        </div>
      ) : (
        <div className="confirm-box">
          <p ref={confirmRef} tabIndex={-1}>
            <strong>Retirer {member.name} ?</strong> Son compte sera désactivé : cette personne ne pourra plus se
            connecter. Les offres qu'elle a publiées restent à {where}.
          </p>
          {remove.error ? (
            <p className="inline-error" role="status">
              {errorMessageOf(remove.error)}
            </p>
          ) : null}
          <div className="company-member__buttons">
            <Button
              variant="danger"
              small
              busy={remove.isPending || remove.isSuccess}
              busyLabel="Retrait…"
              onClick={() => remove.mutate({ userId: member.userId }, { onSuccess: () => router.refresh() })}
            >
              Oui, retirer {member.name}
            </Button>
            <Button
              variant="secondary"
              small
              onClick={() => {
                setConfirming(false);
                setTimeout(() => document.getElementById(removeId)?.focus(), 0);
              }}
            >
              Annuler
            </Button>
          </div>
        </div>
      )}
      {reissue.isSuccess ? (
        <Notice tone="success" className="company-member__code">
          <p>
            Nouveau code pour {member.name} (l'ancien ne marche plus) :
            <span className="letter__code" data-testid="access-code">
              {reissue.data.code}
            </span>
            Donnez ce code à la personne : elle l'utilisera sur la page Activer mon compte, jusqu'au{" "}
            {formatDate(reissue.data.expiresAt, timeZone)}.
          </p>
        </Notice>
      ) : null}
      {reissue.error ? (
        <p className="inline-error" role="status">
          {errorMessageOf(reissue.error)}
        </p>
      ) : null}
    </div>
  );
}
