import type { CheckInState } from "@/server/followup/schedule";

/** Where a check-in stands, in words for the adviser. */
export const CHECK_IN_STATE_LABELS: Record<CheckInState, string> = {
  overdue: "En retard",
  due: "À faire cette semaine",
  upcoming: "À venir",
  in_post: "Toujours en poste",
  ended: "Contrat terminé",
  unreachable: "Injoignable",
  cancelled: "Annulé (l'emploi avait pris fin)",
};

export const OUTCOME_OPTIONS = [
  { value: "in_post", label: "Toujours en poste" },
  { value: "ended", label: "Le contrat a pris fin" },
  { value: "unreachable", label: "Injoignable", hint: "Vous n'avez pas pu joindre la personne." },
] as const;

/** "12/03/2027" from "2027-03-12" (calendar dates, no time zone shift). */
export function shortDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** "12 mars 2027" from "2027-03-12". */
export function longDate(iso: string): string {
  return new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}
