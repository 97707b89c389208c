// Words of the employer's recruiting pages, safe to import from client code (server types only).
import type { ApplicationStatus } from "@/server/applications/schema";
import { SHIFT_LABELS, type Shift } from "@/server/geo/shifts";
import type { ContactState } from "@/server/recruiting/relations";

/** The state of the company's contact request, as a badge. */
export const CONTACT_LABELS: Record<ContactState, string> = {
  none: "Pas encore contacté",
  pending: "Demande de contact envoyée",
  accepted: "A accepté votre demande",
  declined: "A décliné votre demande",
};

/** An application's status, as the employer reads it. */
export const APPLICATION_LABELS: Record<ApplicationStatus, string> = {
  sent: "Nouvelle",
  seen: "Lue",
  interview: "Entretien",
  hired: "Embauche enregistrée",
  declined: "Refusée",
  withdrawn: "Retirée par la personne",
};

/** "Disponible dès maintenant · temps plein · de jour, de nuit" */
export function availabilityWords(
  a: { availableFrom: string | null; fullTime: boolean | null; shifts: Shift[] },
  formatDate: (d: string) => string,
  today: string,
): string {
    const from = !a.availableFrom || a.availableFrom <= today ? "Disponible dès maintenant" : `Disponible à partir du ${formatDate(a.availableFrom)}`;
  const time = a.fullTime === true ? "temps plein" : a.fullTime === false ? "temps partiel" : "temps plein ou partiel";
  const shifts = a.shifts.length ? a.shifts.map((s) => SHIFT_LABELS[s]).join(", ") : null;
  return [from, time, shifts].filter(Boolean).join(" · ");
}

export function yearsWords(years: number | null): string | null {
  if (years === null) return null;
  if (years < 1) return "moins d'1 an";
  if (years <= 3) return "1 à 3 ans";
  return "plus de 3 ans";
}

export { recruitingPaths } from "@/server/offers/paths";
