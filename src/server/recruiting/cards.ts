import { sql } from "drizzle-orm";
import { queryRows, uuidList, type Database } from "../db/client";
import { maskToShifts, type Shift } from "../geo/shifts";
import type { DrivingLicence } from "../profiles/schema";
import { distanceLabel } from "../matching/reasons";
import type { MatchItem } from "../matching/queries";
import { distanceBandLabel } from "./bands";
import { candidateHandle, referenceFor } from "./handles";

// What an organisation may know of a candidate before the person agrees to be contacted: a
// pseudonym, the commune, a distance band from the commune's reference point, jobs and skills
// (referential labels), the jobs their formations lead to, availability, licence. Built field
// by field from an allow-list: never the name, contact details, a precise point or distance,
// the département's identifiers, the adviser, the profile id (a per-offer handle stands in
// for it, see handles.ts), or anything the person typed (formation titles, "quelques mots",
// job labels they wrote: labels come from the ROME referential, by code).

export type CandidateCard = {
  /** the person's handle for THIS offer (see handles.ts): never the profile id */
  candidateId: string;
  /** "Candidat M.": the first name's initial only */
  pseudonym: string;
  /** a short reference to tell two "Candidat M." apart on the phone; differs from one offer to the next */
  reference: string;
  communeName: string;
  /** "Moins de 5 km", "5 à 10 km"…, from the commune's reference point (see bands.ts) */
  distanceLabel: string | null;
  jobsSought: string[];
  jobsDone: { label: string; years: number | null }[];
  /** skills first those the offer asks for */
  skills: { label: string; wanted: boolean }[];
  qualities: string[];
  /** the jobs (ROME labels) each formation leads to: never its title, which the person typed */
  formations: { leadsTo: string[]; year: number | null }[];
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

export function pseudonymOf(firstName: string): string {
  const initial = firstName.trim().charAt(0).toLocaleUpperCase("fr-FR");
  return initial ? `Candidat ${initial}.` : "Candidat";
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
 * wanted skills are put first, the distance band is from the commune's point to its
 * workplace), each with the profile id it stands for (for the caller's own use: the card
 * itself never carries it). `matches` gives the score and reasons of the profiles the
 * matcher ranked (the matcher reads commune points too); others get a band but no score.
 */
export async function candidateCards(
  db: Database,
  offerId: string,
  profileIds: string[],
  matches: Map<string, MatchItem> = new Map(),
): Promise<{ profileId: string; card: CandidateCard }[]> {
  if (profileIds.length === 0) return [];
  const ids = uuidList(profileIds);
  const facts = await queryRows<FactsRow>(
    db,
    sql`select p.id, p.first_name, c.name as commune_name, p.driving_licence, p.has_vehicle,
        p.available_from::text as available_from, p.shifts, p.full_time,
        ST_Distance(c.location, o.location, false) as distance_m
      from beneficiary_profiles p
      left join communes c on c.insee = p.commune_insee
      left join offers o on o.id = ${offerId}::uuid
      where p.id in (${ids})`,
  );
  // labels from the referential by code, never the label stored with the profile
  const jobs = await queryRows<{ profile_id: string; kind: "sought" | "done"; label: string; years: number | null }>(
    db,
    sql`select j.profile_id, j.kind, coalesce(t.label, r.label) as label, j.years
      from profile_jobs j
      left join rome_job_titles t on t.ogr_code = j.ogr_code
      left join rome_jobs r on r.code = j.rome_code
      where j.profile_id in (${ids}) and coalesce(t.label, r.label) is not null
      order by 3`,
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
  const formations = await queryRows<{ profile_id: string; year: number | null; leads_to: string[] | null }>(
    db,
    sql`select f.profile_id, f.year,
        array(select r.label from unnest(f.rome_codes) as u(code) join rome_jobs r on r.code = u.code order by r.label) as leads_to
      from profile_formations f
      where f.profile_id in (${ids})
      order by f.year nulls last, f.id`,
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

  const cards: { profileId: string; card: CandidateCard }[] = [];
  for (const id of profileIds) {
    const f = byId.get(id);
    if (!f) continue;
    const match = matches.get(id);
    const km = match ? match.distanceKm : f.distance_m === null ? null : Number(f.distance_m) / 1000;
    const label = km === null ? null : distanceBandLabel(km);
    const mySkills = skillsBy.get(id) ?? [];
    cards.push({
      profileId: id,
      card: {
        candidateId: candidateHandle(offerId, id),
        pseudonym: pseudonymOf(f.first_name),
        reference: referenceFor(offerId, id),
        communeName: f.commune_name ?? "",
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
        formations: (formationsBy.get(id) ?? [])
          .map((x) => ({ leadsTo: (x.leads_to ?? []).map(String), year: x.year === null ? null : Number(x.year) }))
          .filter((x) => x.leadsTo.length > 0),
        availableFrom: f.available_from,
        shifts: maskToShifts(Number(f.shifts)),
        fullTime: f.full_time,
        drivingLicence: f.driving_licence,
        hasVehicle: Boolean(f.has_vehicle),
        score: match ? match.score : null,
        // the matcher words the distance in metres: say the band instead
        reasons: match ? match.reasons.map((r) => (r === distanceLabel(match.distanceKm) && label ? label : r)) : [],
      },
    });
  }
  return cards;
}
