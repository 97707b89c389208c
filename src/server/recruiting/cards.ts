import { sql } from "drizzle-orm";
import { queryRows, uuidList, type Database } from "../db/client";
import { maskToShifts, type Shift } from "../geo/shifts";
import type { DrivingLicence } from "../profiles/schema";
import { distanceLabel } from "../matching/reasons";
import type { MatchItem } from "../matching/queries";

// What an employer may know of a candidate before the person agrees to be contacted: a
// pseudonym, the commune, a rounded distance, jobs, skills, availability, licence. Built
// field by field from an allow-list: never the name, contact details, exact point, the
// département's identifiers, the adviser, or anything the person wrote in free text.

export type CandidateCard = {
  profileId: string;
  /** "Candidat M.": the first name's initial only */
  pseudonym: string;
  /** a short reference to tell two "Candidat M." apart on the phone */
  reference: string;
  communeName: string;
  /** rounded to the kilometre (a precise distance to several offers would give away the address) */
  distanceKm: number | null;
  distanceLabel: string | null;
  jobsSought: string[];
  jobsDone: { label: string; years: number | null }[];
  /** skills first those the offer asks for */
  skills: { label: string; wanted: boolean }[];
  qualities: string[];
  formations: { title: string; year: number | null }[];
  availableFrom: string | null;
  shifts: Shift[];
  /** true full time, false part time, null either */
  fullTime: boolean | null;
  drivingLicence: DrivingLicence;
  hasVehicle: boolean;
  /** null when the person does not match the offer's hard filters (e.g. an applicant from far away) */
  score: number | null;
  reasons: string[];
};

/** Employer-facing distance: whole kilometres, "under 1 km" below. */
export function roundedDistance(km: number): number {
  return km < 1 ? 0 : Math.round(km);
}

export function pseudonymOf(firstName: string): string {
  const initial = firstName.trim().charAt(0).toLocaleUpperCase("fr-FR");
  return initial ? `Candidat ${initial}.` : "Candidat";
}

export function referenceOf(profileId: string): string {
  return profileId.replace(/-/g, "").slice(0, 6).toUpperCase();
}

type FactsRow = {
  id: string;
  first_name: string;
  commune_name: string | null;
  driving_licence: DrivingLicence;
  has_vehicle: boolean;
  available_from: string | null;
  shifts: number;
  full_time: boolean | null;
  distance_m: number | null;
};

/**
 * Pseudonymised cards for the given profiles, in the order given, against one offer (its
 * wanted skills are put first, the distance is to its workplace). `matches` gives the score
 * and reasons of the profiles the matcher ranked; others get a distance but no score.
 */
export async function candidateCards(
  db: Database,
  offerId: string,
  profileIds: string[],
  matches: Map<string, MatchItem> = new Map(),
): Promise<CandidateCard[]> {
  if (profileIds.length === 0) return [];
  const ids = uuidList(profileIds);
  const facts = await queryRows<FactsRow>(
    db,
    sql`select p.id, p.first_name, c.name as commune_name, p.driving_licence, p.has_vehicle,
        p.available_from::text as available_from, p.shifts, p.full_time,
        ST_Distance(p.location, o.location, false) as distance_m
      from beneficiary_profiles p
      left join communes c on c.insee = p.commune_insee
      left join offers o on o.id = ${offerId}::uuid
      where p.id in (${ids})`,
  );
  const jobs = await queryRows<{ profile_id: string; kind: "sought" | "done"; label: string; years: number | null }>(
    db,
    sql`select profile_id, kind, label, years from profile_jobs where profile_id in (${ids}) order by label`,
  );
  const skills = await queryRows<{ profile_id: string; label: string; kind: string; wanted: boolean }>(
    db,
    sql`select p.id as profile_id, s.label, s.kind,
        coalesce(s.ogr_code = any(o.required_skills) or s.ogr_code = any(o.wished_skills), false) as wanted
      from beneficiary_profiles p
      cross join lateral unnest(p.skill_codes) as code
      join rome_skills s on s.ogr_code = code
      left join offers o on o.id = ${offerId}::uuid
      where p.id in (${ids})
      order by s.label`,
  );
  const formations = await queryRows<{ profile_id: string; title: string; year: number | null }>(
    db,
    sql`select profile_id, title, year from profile_formations where profile_id in (${ids}) order by year nulls last, title`,
  );

  const byId = new Map(facts.map((f) => [String(f.id), f]));
  const group = <T extends { profile_id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(String(r.profile_id), [...(m.get(String(r.profile_id)) ?? []), r]);
    return m;
  };
  const jobsBy = group(jobs);
  const skillsBy = group(skills);
  const formationsBy = group(formations);

  const cards: CandidateCard[] = [];
  for (const id of profileIds) {
    const f = byId.get(id);
    if (!f) continue;
    const match = matches.get(id);
    const exactKm = match ? match.distanceKm : f.distance_m === null ? null : Number(f.distance_m) / 1000;
    const km = exactKm === null ? null : roundedDistance(exactKm);
    const label = km === null ? null : distanceLabel(km);
    const mySkills = skillsBy.get(id) ?? [];
    cards.push({
      profileId: id,
      pseudonym: pseudonymOf(f.first_name),
      reference: referenceOf(id),
      communeName: f.commune_name ?? "",
      distanceKm: km,
      distanceLabel: label,
      jobsSought: (jobsBy.get(id) ?? []).filter((j) => j.kind === "sought").map((j) => j.label),
      jobsDone: (jobsBy.get(id) ?? [])
        .filter((j) => j.kind === "done")
        .map((j) => ({ label: j.label, years: j.years === null ? null : Number(j.years) })),
      skills: mySkills
        .filter((s) => s.kind !== "soft_skill")
        .map((s) => ({ label: s.label, wanted: Boolean(s.wanted) }))
        .sort((a, b) => Number(b.wanted) - Number(a.wanted)),
      qualities: mySkills.filter((s) => s.kind === "soft_skill").map((s) => s.label),
      formations: (formationsBy.get(id) ?? []).map((x) => ({ title: x.title, year: x.year === null ? null : Number(x.year) })),
      availableFrom: f.available_from,
      shifts: maskToShifts(Number(f.shifts)),
      fullTime: f.full_time,
      drivingLicence: f.driving_licence,
      hasVehicle: Boolean(f.has_vehicle),
      score: match ? match.score : null,
      // the matcher words the exact distance: say the rounded one instead
      reasons: match ? match.reasons.map((r) => (r === distanceLabel(match.distanceKm) && label ? label : r)) : [],
    });
  }
  return cards;
}
