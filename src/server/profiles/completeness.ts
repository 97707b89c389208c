// Client-safe: imported by browser code too, so it imports only other client-safe files (checked by dependency-cruiser).
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

// The one definition of CV completeness. completeness() below and the SQL expression of
// completeness-sql.ts (statistics, caseload lists, advisers' figures) are both built from
// PROFILE_STEPS, STEP_MINIMUMS and FILLED_BY; completeness.db.test.ts holds them equal.

/**
 * Counts a step needs whatever was saved: the matcher needs at least one job sought. Skills
 * have no minimum (issue 18): ticking none is a choice the person may make, the skills step
 * saved with none is done; skills only help employers find them, as the step says.
 */
export type CountFact = "soughtJobs";
export const STEP_MINIMUMS: Partial<Record<ProfileStep, { fact: CountFact; atLeast: number }>> = {
  jobs: { fact: "soughtJobs", atLeast: 1 },
};

/**
 * What in a stored profile fills a step the wizard never saved (imported or seeded CVs):
 * "always" for a step whose content every profile has (its commune) or that its minimum
 * alone decides (jobs).
 */
export type ContentFact = "travelModes" | "skills" | "availability" | "background" | "visible";
export const FILLED_BY: Record<ProfileStep, ContentFact | "always"> = {
  place: "always",
  mobility: "travelModes",
  jobs: "always",
  skills: "skills",
  availability: "availability",
  background: "background",
  visibility: "visible",
};

/** What the completeness bar looks at in a profile. */
export type CompletenessFacts = {
  stepsDone: readonly string[];
  soughtJobs: number;
  /** steps whose content exists although the wizard never saved them (imported or seeded CVs) */
  filled?: Partial<Record<ProfileStep, boolean>>;
};

/**
 * How complete a CV is. A step counts once saved (or once its content exists), except where
 * the matcher needs content: at least one job sought.
 */
export function completeness(p: CompletenessFacts | null): Completeness {
  const done = new Set<ProfileStep>();
  if (p) {
    for (const step of PROFILE_STEP_KEYS) {
      const min = STEP_MINIMUMS[step];
      if ((p.stepsDone.includes(step) || p.filled?.[step]) && (!min || p[min.fact] >= min.atLeast)) done.add(step);
    }
  }
  const percent = PROFILE_STEPS.reduce((n, s) => n + (done.has(s.key) ? s.weight : 0), 0);
  const missing = PROFILE_STEPS.filter((s) => !done.has(s.key)).map(({ key, label }) => ({ key, label }));
  return { percent, done: PROFILE_STEP_KEYS.filter((k) => done.has(k)), missing, next: missing[0]?.key ?? null };
}

/** The fields of a stored profile the completeness bar reads (a StoredProfile has them all). */
export type ProfileForCompleteness = {
  stepsDone?: readonly string[] | null;
  travelModes: readonly string[];
  jobs: ReadonlyArray<{ kind: string }>;
  skillCodes: readonly number[];
  availableFrom?: string | null;
  fullTime?: boolean | null;
  formations?: readonly unknown[] | null;
  about?: string | null;
  visibleToEmployers: boolean;
};

/** The completeness of a stored profile: what the person and their adviser see (the SQL twin: profileCompletenessSql). */
export function profileCompleteness(profile: ProfileForCompleteness): Completeness {
  const content: Record<ContentFact | "always", boolean> = {
    always: true,
    travelModes: profile.travelModes.length > 0,
    skills: profile.skillCodes.length > 0,
    availability: Boolean(profile.availableFrom) || profile.fullTime != null,
    background: (profile.formations?.length ?? 0) > 0 || Boolean(profile.about),
    visible: profile.visibleToEmployers,
  };
  return completeness({
    stepsDone: profile.stepsDone ?? [],
    soughtJobs: profile.jobs.filter((j) => j.kind === "sought").length,
    filled: Object.fromEntries(PROFILE_STEP_KEYS.map((k) => [k, content[FILLED_BY[k]]])),
  });
}

/** Average speeds, to turn "30 minutes by bus" into kilometres. */
export const SPEED_KMH = { walk: 5, bike: 15, public_transport: 25, car: 50, two_wheeler: 40, carpool: 45 } as const satisfies Record<TravelMode, number>;

/** The distance reachable in `minutes` with the fastest of the chosen means (at least 1 km). */
export function minutesToKm(minutes: number, modes: ReadonlyArray<keyof typeof SPEED_KMH>): number {
  const speed = Math.max(SPEED_KMH.walk, ...modes.map((m) => SPEED_KMH[m]));
  return Math.max(1, Math.round((minutes / 60) * speed));
}
