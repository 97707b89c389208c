// The matching score, in one place. Each component is in [0, 1]; the score is their weighted
// sum on 0–100. The SQL in queries.ts computes exactly this (score.test.ts and the database
// tests check that both agree).

/** How much each component weighs. Skills weigh nothing when the offer lists none. */
export const WEIGHTS = {
  /** the candidate's jobs against the offer's ROME code */
  job: 0.45,
  /** share of the offer's required skills the candidate has */
  skills: 0.35,
  /** 1 at the door, 0 at the effective radius */
  proximity: 0.2,
} as const;

/** Points added (score capped at 100) when the candidate followed a formation leading to the job. */
export const FORMATION_BONUS = 5;

/** Job fit: same ROME code 1, same professional domain (3 characters) 0.6, same large domain 0.3. */
export const JOB_FIT = { sameCode: 1, sameDomain: 0.6, sameLargeDomain: 0.3 } as const;

export function jobFit(candidateRomeCodes: readonly string[], romeCode: string): number {
  if (candidateRomeCodes.includes(romeCode)) return JOB_FIT.sameCode;
  if (candidateRomeCodes.some((c) => c.slice(0, 3) === romeCode.slice(0, 3))) return JOB_FIT.sameDomain;
  if (candidateRomeCodes.some((c) => c[0] === romeCode[0])) return JOB_FIT.sameLargeDomain;
  return 0;
}

export type Components = {
  job: number;
  /** null when the offer requires no skill */
  skills: number | null;
  proximity: number;
  /** 1 when a formation followed leads to the job, else 0 */
  formation: number;
};

export function proximity(distanceKm: number, radiusKm: number): number {
  if (radiusKm <= 0) return distanceKm <= 0 ? 1 : 0;
  return Math.min(1, Math.max(0, 1 - distanceKm / radiusKm));
}

export function skillsShare(candidateSkills: readonly number[], required: readonly number[]): number | null {
  if (required.length === 0) return null;
  const has = new Set(candidateSkills);
  return required.filter((s) => has.has(s)).length / required.length;
}

/** The 0–100 score of a set of components (rounded to one decimal). */
export function score(c: Components): number {
  const skillsWeight = c.skills === null ? 0 : WEIGHTS.skills;
  const total = WEIGHTS.job + skillsWeight + WEIGHTS.proximity;
  const weighted = (WEIGHTS.job * c.job + skillsWeight * (c.skills ?? 0) + WEIGHTS.proximity * c.proximity) / total;
  return round1(Math.min(100, 100 * weighted + FORMATION_BONUS * c.formation));
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
