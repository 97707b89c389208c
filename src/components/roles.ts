import type { Role } from "@/server/auth/schema";

/** How each role is named to people (plain words; never "RSA"). */
export const ROLE_LABELS: Record<Role, string> = {
  beneficiary: "Candidat",
  employer: "Employeur",
  training_org: "Organisme de formation",
  adviser: "Conseiller",
  admin: "Administrateur",
};

export const STATUS_LABELS = {
  active: "Actif",
  pending: "En attente",
  disabled: "Désactivé",
} as const;

/** Longer explanations of the statuses (legend of the users list). */
export const STATUS_HELP = {
  active: "la personne peut se connecter",
  pending: "le compte attend que la personne l'active avec son code",
  disabled: "la personne ne peut plus se connecter",
} as const;

/** "12 mars 2026" in French, in the département's time zone. */
export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return "";
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(date);
}

/** "12/03/2026 à 14:05" (short, for tables) */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "";
  const date = typeof value === "string" ? new Date(value) : value;
  const d = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone: "Europe/Paris" }).format(date);
  const t = new Intl.DateTimeFormat("fr-FR", { timeStyle: "short", timeZone: "Europe/Paris" }).format(date);
  return `${d} à ${t}`;
}
