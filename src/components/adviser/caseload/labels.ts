import type { PlacementStage } from "@/server/caseload/list";

/** Plain words for where a person stands in employment (shared by the list and the file). */
export const STAGE_LABELS: Record<PlacementStage, string> = {
  none: "Pas encore en emploi",
  placed: "En emploi (début)",
  followup: "En suivi dans l'emploi",
  retained: "En poste à 6 mois",
  ended: "Emploi terminé",
};

export const APPLICATION_STATUS_LABELS = {
  sent: "Envoyée",
  seen: "Lue par l'employeur",
  interview: "Entretien",
  hired: "Embauche",
  declined: "Non retenue",
  withdrawn: "Retirée",
} as const;

export const PROPOSAL_STATUS_LABELS = { pending: "En attente", accepted: "Acceptée", declined: "Refusée" } as const;

export const CHECK_IN_STATUS_LABELS = {
  pending: "À faire",
  in_post: "Toujours en poste",
  ended: "Emploi terminé",
  unreachable: "Injoignable",
  cancelled: "Annulé",
} as const;
