// Client-safe: imported by browser code too, so it imports only other client-safe files (checked by dependency-cruiser).
// Plain words about formations, shared by the server, the organisations' pages and the
// beneficiary's "Mes candidatures" page. No database import here: client components read it.

import type { FormationStatus } from "./schema";

/** A formation's status as the organisation reads it. */
export const FORMATION_STATUS_LABELS: Record<FormationStatus, string> = {
  draft: "Brouillon",
  published: "Publiée",
  full: "Complète",
  closed: "Fermée",
};

export const FORMATION_STATUS_HELP: Record<FormationStatus, string> = {
  draft: "Personne ne la voit encore.",
  published: "Les personnes du territoire la voient et peuvent s'y inscrire.",
  full: "Toutes les places sont prises : elle ne prend plus d'inscriptions.",
  closed: "Elle ne prend plus d'inscriptions.",
};

/** Why an organisation does not admit a person: a code stored in applications.status_reason. */
export const FORMATION_DECLINE_REASONS = ["full", "prerequisites", "dates", "other"] as const;
export type FormationDeclineReason = (typeof FORMATION_DECLINE_REASONS)[number];

/**
 * For each reason: what the organisation picks (label) and the kind sentence the person
 * reads on their applications page (forPerson).
 */
export const FORMATION_DECLINE_REASON_TEXT: Record<FormationDeclineReason, { label: string; forPerson: string }> = {
  full: {
    label: "La session est complète",
    forPerson: "La session est complète. Une prochaine session pourra vous accueillir : demandez à l'organisme ou à votre conseiller.",
  },
  prerequisites: {
    label: "Les prérequis ne sont pas encore remplis",
    forPerson:
      "Il manque encore une étape avant cette formation. Votre conseiller peut vous aider à trouver celle qui vous y mènera.",
  },
  dates: {
    label: "Les dates ne conviennent pas",
    forPerson: "Les dates de cette session ne vont pas avec votre situation. Une autre session pourra mieux vous convenir.",
  },
  other: {
    label: "Une autre raison",
    forPerson:
      "L'organisme ne peut pas retenir votre inscription cette fois. Ce n'est pas un jugement sur vous : d'autres formations vous attendent.",
  },
};

export function isFormationDeclineReason(code: string | null | undefined): code is FormationDeclineReason {
  return (FORMATION_DECLINE_REASONS as readonly string[]).includes(code ?? "");
}

/** The sentence a person reads for a declined formation application (null when the code is unknown). */
export function formationDeclineSentence(code: string | null | undefined): string | null {
  return isFormationDeclineReason(code) ? FORMATION_DECLINE_REASON_TEXT[code].forPerson : null;
}

/**
 * An application to a formation, in the formation's words: "hired" means the organisation
 * admitted the person. `label` for the organisation's page, `forPerson` and `detail` for the
 * person's own applications page.
 */
export const FORMATION_APPLICATION_STATUS: Record<string, { label: string; forPerson: string; detail: string }> = {
  sent: { label: "Nouvelle", forPerson: "Envoyée", detail: "L'organisme ne l'a pas encore lue." },
  seen: { label: "Lue", forPerson: "Lue par l'organisme", detail: "L'organisme a regardé votre demande d'inscription." },
  interview: {
    label: "Entretien d'information",
    forPerson: "Entretien d'information proposé",
    detail: "L'organisme vous propose un entretien d'information pour parler de la formation.",
  },
  hired: { label: "Inscription confirmée", forPerson: "Inscription confirmée", detail: "Bravo : l'organisme vous attend à la formation." },
  declined: { label: "Pas retenue", forPerson: "Pas retenue", detail: "Cette fois, l'organisme n'a pas retenu votre inscription." },
  withdrawn: { label: "Retirée par la personne", forPerson: "Retirée", detail: "Vous avez retiré cette demande d'inscription." },
};

/** The answers an organisation can give, in the order of the buttons. */
export const FORMATION_ANSWERS = ["seen", "interview", "hired", "declined"] as const;
export type FormationAnswer = (typeof FORMATION_ANSWERS)[number];
