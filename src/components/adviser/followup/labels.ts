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

/**
 * The company's answer by its check-in link, beside the adviser's: the adviser's check-in
 * counts for the figures when both exist; until then the employer's is shown as theirs.
 */
export function employerAnswerWords(
  a: { answer: "still_there" | "left" | "unknown"; leftOn: string | null; answeredAt: Date | string },
  adviserRecorded: boolean,
): string {
  const said = a.answer === "still_there" ? "toujours là" : a.answer === "left" ? (a.leftOn ? `parti(e) le ${longDate(a.leftOn)}` : "parti(e)") : "ne sait pas";
  const on = typeof a.answeredAt === "string" ? a.answeredAt.slice(0, 10) : a.answeredAt.toISOString().slice(0, 10);
  return `Réponse de l'employeur (${shortDate(on)}) : ${said}${adviserRecorded ? " — c'est votre point de suivi qui compte." : " — en attendant votre point de suivi."}`;
}
