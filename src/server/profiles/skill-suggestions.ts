import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { romeJobItems } from "../referentials/queries";

/** How many skills of a job the skills step shows before "Voir plus". */
export const COMMON_SKILLS_SHOWN = 5;

export type SuggestedSkill = { ogrCode: number; label: string };

/**
 * A job sheet's savoir-faire, the most common first: how many offers of this job ask for the
 * skill and how many people seeking it ticked it (only the order is given out, never a count);
 * then, and for a new platform where nobody ticked anything yet, the shortest wording the ROME
 * has for the job (a short label is easier to read than "Réaliser ou contrôler les soins…").
 */
export async function rankedJobSkills(db: Database, romeCode: string): Promise<SuggestedSkill[]> {
  const rows = await queryRows<{ ogr_code: number; label: string }>(db, sql`
    select s.ogr_code, s.label
    from rome_job_skills js join rome_skills s on s.ogr_code = js.skill_code
    where js.rome_code = ${romeCode} and s.kind in ('skill', 'macro_skill')
    order by
      (select count(*) from offers o
        where o.rome_code = ${romeCode} and o.status <> 'draft'
          and (s.ogr_code = any(o.required_skills) or s.ogr_code = any(o.wished_skills)))
      + (select count(*) from beneficiary_profiles p
        where s.ogr_code = any(p.skill_codes)
          and exists (select 1 from profile_jobs j where j.profile_id = p.id and j.rome_code = ${romeCode}))
      desc,
      length(s.label), s.label`);
  return rows.map((r) => ({ ogrCode: Number(r.ogr_code), label: String(r.label) }));
}

/** The skills step's lists: each job's savoir-faire, most common first, and the savoir-être of them all. */
export async function skillSuggestions(db: Database, romeCodes: string[]) {
  const codes = [...new Set(romeCodes)];
  const jobs = [];
  const softSkills = new Map<number, SuggestedSkill>();
  for (const code of codes) {
    jobs.push({ romeCode: code, skills: await rankedJobSkills(db, code) });
    for (const s of (await romeJobItems(db, code)).softSkills) softSkills.set(s.ogrCode, { ogrCode: s.ogrCode, label: s.label });
  }
  return {
    jobs,
    softSkills: [...softSkills.values()].sort((a, b) => a.label.localeCompare(b.label, "fr")),
    commonShown: COMMON_SKILLS_SHOWN,
  };
}
