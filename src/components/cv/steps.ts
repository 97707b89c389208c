import type { ProfileStep } from "@/server/profiles/completeness";

/** The CV wizard's steps: French words in the URL, the server's step keys in the code. */
export const WIZARD_STEPS = [
  { key: "place", slug: "lieu", title: "Où habitez-vous ?", section: "Où j'habite" },
  { key: "mobility", slug: "deplacements", title: "Comment vous déplacez-vous ?", section: "Mes déplacements" },
  { key: "jobs", slug: "metiers", title: "Quels métiers cherchez-vous ?", section: "Mes métiers" },
  { key: "skills", slug: "competences", title: "Que savez-vous faire ?", section: "Mes compétences" },
  { key: "availability", slug: "disponibilites", title: "Quand pouvez-vous travailler ?", section: "Mes disponibilités" },
  { key: "background", slug: "parcours", title: "Vos formations et vous", section: "Mes formations" },
  { key: "visibility", slug: "visibilite", title: "Montrer votre profil aux entreprises ?", section: "Mon profil visible" },
] as const satisfies ReadonlyArray<{ key: ProfileStep; slug: string; title: string; section: string }>;

export type WizardStep = (typeof WIZARD_STEPS)[number];
export type StepSlug = WizardStep["slug"];

export const CV_HOME = "/beneficiaire/cv";

export function stepHref(key: ProfileStep | StepSlug): string {
  const step = WIZARD_STEPS.find((s) => s.key === key || s.slug === key);
  return `/beneficiaire/cv/modifier/${step?.slug ?? WIZARD_STEPS[0].slug}`;
}

export function stepBySlug(slug: string): { step: WizardStep; index: number } | null {
  const index = WIZARD_STEPS.findIndex((s) => s.slug === slug);
  return index < 0 ? null : { step: WIZARD_STEPS[index]!, index };
}

/** Where "Enregistrer et continuer" leads after a step: the next one, or the finished CV. */
export function afterStep(index: number): string {
  const next = WIZARD_STEPS[index + 1];
  return next ? stepHref(next.key) : `${CV_HOME}?enregistre=1`;
}

/** The key of a draft kept in sessionStorage: one per person and per step. */
export function draftKey(userId: string, slug: string): string {
  return `emploi:cv-brouillon:${userId}:${slug}`;
}

// ---------------------------------------------------------------- words for codes
// (travel means, licences and shifts: src/server/profiles/labels.ts and src/server/geo/shifts.ts)

/** "Combien de temps ?" chips and the years they stand for. */
export const DURATION_CHOICES = [
  { value: "0.5", years: 0.5, label: "Moins d'1 an" },
  { value: "2", years: 2, label: "1 à 3 ans" },
  { value: "4", years: 4, label: "Plus de 3 ans" },
] as const;

/** The chip closest to a stored number of years. */
export function durationChoice(years: number | null | undefined): string {
  if (years === null || years === undefined) return "";
  if (years < 1) return "0.5";
  if (years <= 3) return "2";
  return "4";
}

export function durationWords(years: number | null | undefined): string | null {
  if (years === null || years === undefined) return null;
  return DURATION_CHOICES.find((c) => c.value === durationChoice(years))?.label ?? null;
}

