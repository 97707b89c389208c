import type { ReactNode } from "react";
import { IconCheck, IconBan, IconCalendar, IconClock, IconClose, IconSend, IconEye } from "@/components/ui/icons";
import { FORMATION_APPLICATION_STATUS, formationDeclineSentence } from "@/server/formations/labels";
import { declineWording } from "@/server/recruiting/decline-reasons";

/** An application's status in plain words, with a pictogram and one sentence. */
export const APPLICATION_STATUS: Record<string, { label: string; detail: string; icon: ReactNode }> = {
  sent: { label: "Envoyée", detail: "L'entreprise ne l'a pas encore lue.", icon: <IconSend size="1.25em" /> },
  seen: { label: "Lue par l'entreprise", detail: "L'entreprise a regardé votre candidature.", icon: <IconEye size="1.25em" /> },
  interview: { label: "Entretien proposé", detail: "L'entreprise veut vous rencontrer.", icon: <IconCalendar size="1.25em" /> },
  hired: { label: "Embauche : bravo !", detail: "L'entreprise vous a choisi.", icon: <IconCheck size="1.25em" /> },
  declined: { label: "Pas retenue", detail: "Cette fois, ce n'est pas vous. Continuez : d'autres offres vous attendent.", icon: <IconBan size="1.25em" /> },
  withdrawn: { label: "Retirée", detail: "Vous avez retiré cette candidature.", icon: <IconClose size="1.25em" /> },
};

/**
 * The one sentence under an application's status: for a decline, the kind words of the
 * reason the employer (or the training organisation) picked from its list, else the status's
 * own sentence. The reason codes of offers and formations are separate lists.
 */
export function applicationDetail(kind: "offer" | "formation", status: string, statusReason: string | null): string | undefined {
  if (kind === "formation") {
    if (status === "declined") return formationDeclineSentence(statusReason) ?? FORMATION_APPLICATION_STATUS.declined!.detail;
    return FORMATION_APPLICATION_STATUS[status]?.detail;
  }
  if (status === "declined") return declineWording(statusReason) ?? APPLICATION_STATUS.declined!.detail;
  return APPLICATION_STATUS[status]?.detail;
}

export const PROPOSAL_STATUS: Record<string, { label: string; icon: ReactNode }> = {
  pending: { label: "Attend votre réponse", icon: <IconClock size="1.25em" /> },
  accepted: { label: "Vous avez accepté", icon: <IconCheck size="1.25em" /> },
  declined: { label: "Vous avez refusé", icon: <IconBan size="1.25em" /> },
};

export function StatusBadge({ kind, status }: { kind: "application" | "formation" | "proposal"; status: string }) {
  const s = (kind === "proposal" ? PROPOSAL_STATUS : APPLICATION_STATUS)[status];
  const label = kind === "formation" ? (FORMATION_APPLICATION_STATUS[status]?.forPerson ?? s?.label) : s?.label;
  return (
    <p className={`status status--${status}`}>
      {s?.icon}
      <span>
        <span className="sr-only">État : </span>
        {label ?? status}
      </span>
    </p>
  );
}
