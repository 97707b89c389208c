import type { TravelMode } from "./labels";

/** The CV wizard's steps, in the order the person meets them, with their weight in the progress bar. */
export const PROFILE_STEPS = [
  { key: "place", label: "Où vous habitez", weight: 15 },
  { key: "mobility", label: "Comment vous vous déplacez", weight: 15 },
  { key: "jobs", label: "Les métiers que vous cherchez", weight: 25 },
  { key: "skills", label: "Vos compétences", weight: 15 },
  { key: "availability", label: "Quand vous pouvez travailler", weight: 10 },
  { key: "background", label: "Vos formations et quelques mots sur vous", weight: 10 },
  { key: "visibility", label: "Montrer votre profil aux entreprises", weight: 10 },
] as const;
export type ProfileStep = (typeof PROFILE_STEPS)[number]["key"];
export const PROFILE_STEP_KEYS = PROFILE_STEPS.map((s) => s.key) as ProfileStep[];

export type Completeness = {
  percent: number;
  done: ProfileStep[];
  missing: Array<{ key: ProfileStep; label: string }>;
  /** the first step not done yet, where "Continuer" leads */
  next: ProfileStep | null;
};

/** What the completeness bar looks at in a profile. */
export type CompletenessFacts = {
  stepsDone: readonly string[];
  soughtJobs: number;
  skills: number;
  /** steps whose content exists although the wizard never saved them (imported or seeded CVs) */
  filled?: Partial<Record<ProfileStep, boolean>>;
};

/**
 * How complete a CV is. A step counts once saved (or once its content exists), except where
 * the matcher needs content: at least one job sought, and at least three skills.
 */
export function completeness(p: CompletenessFacts | null): Completeness {
  const done = new Set<ProfileStep>();
  if (p) {
    for (const step of PROFILE_STEP_KEYS) if (p.stepsDone.includes(step) || p.filled?.[step]) done.add(step);
    if (p.soughtJobs === 0) done.delete("jobs");
    if (p.skills < 3) done.delete("skills");
  }
  const percent = PROFILE_STEPS.reduce((n, s) => n + (done.has(s.key) ? s.weight : 0), 0);
  const missing = PROFILE_STEPS.filter((s) => !done.has(s.key)).map(({ key, label }) => ({ key, label }));
  return { percent, done: PROFILE_STEP_KEYS.filter((k) => done.has(k)), missing, next: missing[0]?.key ?? null };
}

/** Average speeds, to turn "30 minutes by bus" into kilometres. */
export const SPEED_KMH = { walk: 5, bike: 15, public_transport: 25, car: 50, two_wheeler: 40, carpool: 45 } as const satisfies Record<TravelMode, number>;

/** The distance reachable in `minutes` with the fastest of the chosen means (at least 1 km). */
export function minutesToKm(minutes: number, modes: ReadonlyArray<keyof typeof SPEED_KMH>): number {
  const speed = Math.max(SPEED_KMH.walk, ...modes.map((m) => SPEED_KMH[m]));
  return Math.max(1, Math.round((minutes / 60) * speed));
}
