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
