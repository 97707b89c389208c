import type { ReactNode } from "react";
import { IconCheck } from "@/components/ui/icons";
import { IconBan, IconCalendar, IconClock, IconClose, IconSend } from "./icons";
import { IconEye } from "@/components/ui/icons";

/** An application's status in plain words, with a pictogram and one sentence. */
export const APPLICATION_STATUS: Record<string, { label: string; detail: string; icon: ReactNode }> = {
  sent: { label: "Envoyée", detail: "L'entreprise ne l'a pas encore lue.", icon: <IconSend size="1.25em" /> },
  seen: { label: "Lue par l'entreprise", detail: "L'entreprise a regardé votre candidature.", icon: <IconEye size="1.25em" /> },
  interview: { label: "Entretien proposé", detail: "L'entreprise veut vous rencontrer.", icon: <IconCalendar size="1.25em" /> },
  hired: { label: "Embauche : bravo !", detail: "L'entreprise vous a choisi.", icon: <IconCheck size="1.25em" /> },
  declined: { label: "Pas retenue", detail: "Cette fois, ce n'est pas vous. Continuez : d'autres offres vous attendent.", icon: <IconBan size="1.25em" /> },
  withdrawn: { label: "Retirée", detail: "Vous avez retiré cette candidature.", icon: <IconClose size="1.25em" /> },
};

export const PROPOSAL_STATUS: Record<string, { label: string; icon: ReactNode }> = {
  pending: { label: "Attend votre réponse", icon: <IconClock size="1.25em" /> },
  accepted: { label: "Vous avez accepté", icon: <IconCheck size="1.25em" /> },
  declined: { label: "Vous avez refusé", icon: <IconBan size="1.25em" /> },
};

export function StatusBadge({ kind, status }: { kind: "application" | "proposal"; status: string }) {
  const s = (kind === "application" ? APPLICATION_STATUS : PROPOSAL_STATUS)[status];
  return (
    <p className={`status status--${status}`}>
      {s?.icon}
      <span>
        <span className="sr-only">État : </span>
        {s?.label ?? status}
      </span>
    </p>
  );
}
