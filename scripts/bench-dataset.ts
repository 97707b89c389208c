// The generated dataset the load and alert benchmarks share: N beneficiaries with accounts
// (users + complete CV + jobs, searchable, in the instance's communes), M offers from M/20
// employers with one recruiter account each, published over the last days.

import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { log, secs } from "./bench-lib";
import { hashPassword } from "../src/server/auth/password";
import { queryRows, type Database, type DatabaseHandle } from "../src/server/db/client";
import { migrateDatabase } from "../src/server/db/migrate";
import { communeSampler, generateOffer, generateProfile, parseRomeJobSkills, type CommunePlace, type SkillsByJob } from "../src/server/demo/generate";
import { loadInstanceConfig } from "../src/server/config/config";
import { syncTerritories } from "../src/server/instance/territories";
import { seededRandom } from "../src/server/lib/random";
import { PROFILE_STEP_KEYS } from "../src/server/profiles/completeness";
import { jobHierarchy, rebuildAllMatchPoints } from "../src/server/profiles/save";
import { importReferenceData } from "../src/server/referentials/import";

/** Every bench account shares it (it passes the password rules). */
export const BENCH_PASSWORD = "Bench2026!charge-emploi";
export const BENCH_DOMAIN = "bench.emploi41.fr";
const PASSWORD = BENCH_PASSWORD;
const DOMAIN = BENCH_DOMAIN;
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

// ---------------------------------------------------------------------------------------------
// Dataset: bulk multi-row INSERTs of generated literal values (quoting is all they need), with
// ids made here so that users, profiles and jobs link up without reading anything back.

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (xs: ReadonlyArray<string | number>) => q(`{${xs.join(",")}}`);
const opt = (s: string | number | boolean | null | undefined) => (s == null ? "null" : typeof s === "string" ? q(s) : String(s));

function readSkillsByJob(): { skillsByJob: SkillsByJob; jobs: Array<{ code: string; label: string }> } {
  const f = (name: string) => readFileSync(path.join(ROOT, "data", "rome", name), "utf8");
  const r = parseRomeJobSkills({
    jobs: f("unix_referentiel_code_rome_v460_utf8.csv"),
    skills: f("unix_referentiel_competence_v460_utf8.csv"),
    links: f("unix_liens_rome_referentiels_v460_utf8.csv"),
  });
  return { skillsByJob: r.skillsByJob, jobs: r.jobs };
}

export type Dataset = {
  beneficiaries: number;
  searchable: number;
  employers: number;
  offers: number;
  published: number;
  matchRows: number;
  searchDocuments: number;
  loadSeconds: Record<string, number>;
};

export async function loadDataset(
  handle: DatabaseHandle,
  o: { beneficiaries: number; offers: number; publishedWithinDays?: number; allPublished?: boolean },
): Promise<Dataset> {
  const publishedWithinDays = o.publishedWithinDays ?? 30;
  const db = handle.db;
  const seconds: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    seconds[name] = secs(now - t);
    log(`  ${name} : ${seconds[name]} s`);
    t = now;
  };
  const config = loadInstanceConfig();
  await migrateDatabase(handle);
  lap("migrations");
  await importReferenceData(db);
  await syncTerritories(db, config);
  lap("données de référence et territoires");

  const communes = await queryRows<CommunePlace & { territory: string | null }>(
    db,
    sql`select c.insee, c.name, c.population::int as population, ST_Y(c.location::geometry)::float8 as lat, ST_X(c.location::geometry)::float8 as lng,
          (select tc.territory_code from territory_communes tc where tc.insee = c.insee limit 1) as territory
        from communes c where c.departement in (${sql.join(config.departements.map((d) => sql`${d}`), sql`, `)}) order by c.insee`,
  );
  if (!communes.length) throw new Error(`aucune commune pour ${config.departements.join(", ")}`);
  const territoryOf = new Map(communes.map((c) => [c.insee, c.territory]));
  const sampler = communeSampler(communes.map((c) => ({ ...c, lat: Number(c.lat), lng: Number(c.lng) })));
  const { skillsByJob, jobs: allJobs } = readSkillsByJob();
  const srid = config.projectedSrid;
  const today = new Date().toISOString().slice(0, 10);
  const passwordHash = await hashPassword(PASSWORD);
  const batch = handle.engine === "pglite" ? 1_000 : 2_000;
  const steps = arr(PROFILE_STEP_KEYS);

  // Beneficiaries: account, CV, jobs
  const rnd = seededRandom(9_000_001);
  let lastLog = Date.now();
  for (let start = 0; start < o.beneficiaries; start += batch) {
    const users: string[] = [];
    const profiles: string[] = [];
    const jobs: string[] = [];
    for (let i = start; i < Math.min(o.beneficiaries, start + batch); i++) {
      const p = generateProfile(rnd, { commune: sampler.pick(rnd), today, skillsByJob, jitterKm: 1.5 });
      const userId = randomUUID();
      const profileId = randomUUID();
      const email = `beneficiaire${i + 1}@${DOMAIN}`;
      const territory = territoryOf.get(p.communeInsee) ?? null;
      const h = jobHierarchy(p.jobs.map((j) => j.romeCode));
      const formationCodes = [...new Set((p.formations ?? []).flatMap((f) => f.romeCodes))].sort();
      users.push(`(${q(userId)}::uuid,${q(email)},${q(passwordHash)},'beneficiary',${q(p.firstName)},${q(p.lastName)},'active',${opt(territory)})`);
      profiles.push(
        `(${q(profileId)},${q(userId)},${q(`BENCH-L-${String(i + 1).padStart(7, "0")}`)},${q(p.firstName)},${q(p.lastName)},${q(email)},${q(p.communeInsee)},${p.point.lng},${p.point.lat},${p.preciseLocation},${arr(p.travelModes)},${p.maxDistanceKm},${q(p.drivingLicence)},${p.hasVehicle},${opt(p.availableFrom)},${p.shifts},${opt(p.fullTime)},${p.seeking},${p.visibleToEmployers},${opt(territory)},${arr(p.skillCodes)},${arr(h.romeCodes)},${arr(h.domainCodes)},${arr(h.largeDomains)},${arr(formationCodes)})`,
      );
      const seen = new Set<string>();
      for (const j of p.jobs) {
        if (seen.has(`${j.kind}:${j.romeCode}`)) continue;
        seen.add(`${j.kind}:${j.romeCode}`);
        jobs.push(`(${q(profileId)}::uuid,${q(j.kind)},${q(j.romeCode)},0,${q(j.label)},${opt(j.years ?? null)}::real)`);
      }
    }
    await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Database;
      await tx.execute(sql.raw(`insert into users (id, email, password_hash, role, first_name, last_name, status, territory_code) values ${users.join(",\n")}`));
      await tx.execute(
        sql.raw(`insert into beneficiary_profiles (id, user_id, external_id, first_name, last_name, email, commune_insee, location, location_proj,
            precise_location, travel_modes, max_distance_km, driving_licence, has_vehicle, available_from, shifts, full_time,
            seeking, visible_to_employers, visibility_consent_at, territory_code, skill_codes, rome_codes, domain_codes, large_domains,
            formation_rome_codes, steps_done)
          select id::uuid, uid::uuid, ext, fn, ln, email, insee,
            ST_SetSRID(ST_MakePoint(lng::float8, lat::float8), 4326)::geography,
            ST_Transform(ST_SetSRID(ST_MakePoint(lng::float8, lat::float8), 4326), ${srid}),
            precise::boolean, modes::text::text[], maxd::real, lic, veh::boolean, af::text::date, shifts::int, ft::text::boolean,
            seeking::boolean, visible::boolean, case when visible::boolean then now() end, terr::text,
            skills::text::int[], rc::text::text[], dc::text::text[], ld::text::text[], frc::text::text[], ${steps}::text[]
          from (values ${profiles.join(",\n")}) as v(id, uid, ext, fn, ln, email, insee, lng, lat, precise, modes, maxd, lic, veh, af, shifts, ft,
            seeking, visible, terr, skills, rc, dc, ld, frc)`),
      );
      await tx.execute(sql.raw(`insert into profile_jobs (profile_id, kind, rome_code, ogr_code, label, years) values ${jobs.join(",\n")}`));
    });
    if (Date.now() - lastLog > 5000) {
      log(`  bénéficiaires : ${Math.min(o.beneficiaries, start + batch).toLocaleString("fr-FR")} / ${o.beneficiaries.toLocaleString("fr-FR")}`);
      lastLog = Date.now();
    }
  }
  lap(`${o.beneficiaries.toLocaleString("fr-FR")} bénéficiaires (comptes, CV, métiers)`);

  // Employers, one recruiter account each, and their offers
  const nEmployers = Math.max(10, Math.ceil(o.offers / 20));
  const employers: Array<{ id: string; userId: string }> = [];
  const erows: string[] = [];
  const urows: string[] = [];
  const mrows: string[] = [];
  for (let k = 0; k < nEmployers; k++) {
    const e = { id: randomUUID(), userId: randomUUID() };
    employers.push(e);
    const c = sampler.pick(rnd);
    erows.push(`(${q(e.id)}::uuid,'company',${q(`Entreprise de test ${k + 1}`)},${q(c.insee)},ST_SetSRID(ST_MakePoint(${c.lng}, ${c.lat}), 4326)::geography)`);
    urows.push(`(${q(e.userId)}::uuid,${q(`employeur${k + 1}@${DOMAIN}`)},${q(passwordHash)},'employer','Recruteur',${q(`Test ${k + 1}`)},'active')`);
    mrows.push(`(${q(e.userId)}::uuid,${q(e.id)}::uuid,true)`);
  }
  await db.execute(sql.raw(`insert into employers (id, kind, name, commune_insee, location) values ${erows.join(",\n")}`));
  await db.execute(sql.raw(`insert into users (id, email, password_hash, role, first_name, last_name, status) values ${urows.join(",\n")}`));
  await db.execute(sql.raw(`insert into employer_members (user_id, employer_id, is_owner) values ${mrows.join(",\n")}`));
  for (let start = 0; start < o.offers; start += batch) {
    const rows: string[] = [];
    for (let i = start; i < Math.min(o.offers, start + batch); i++) {
      const e = employers[i % nEmployers]!;
      // every employer's first offer is published: it is the one whose candidates are measured
      const x = generateOffer(rnd, { employerId: e.id, commune: sampler.pick(rnd), today, skillsByJob, allJobs, listShare: 0.8, jitterKm: 1.5, createdBy: e.userId });
      const status = i < nEmployers || o.allPublished ? "published" : x.status;
      rows.push(
        `(${q(`BENCH-L-O-${String(i + 1).padStart(6, "0")}`)},${q(e.id)},${q(x.title)},${q(x.romeCode)},${arr(x.requiredSkills)},${arr(x.wishedSkills ?? [])},${q(x.description ?? "")},${q(x.communeInsee)},${x.point.lng},${x.point.lat},${x.radiusKm},${q(x.contract)},${opt(x.hoursPerWeek)},${x.shifts},${x.licenceRequired},${x.vehicleRequired},${x.positions},${q(x.startsOn)},${opt(x.expiresOn)},${q(status)},${q(e.userId)})`,
      );
    }
    await db.execute(
      sql.raw(`insert into offers (external_id, employer_id, title, rome_code, required_skills, wished_skills, description, commune_insee, location,
          location_proj, radius_km, contract, hours_per_week, shifts, licence_required, vehicle_required, positions, starts_on, expires_on,
          status, published_at, created_by)
        select ext, emp::uuid, title, rome, req::text::int[], wish::text::int[], descr, insee,
          ST_SetSRID(ST_MakePoint(lng::float8, lat::float8), 4326)::geography,
          ST_Transform(ST_SetSRID(ST_MakePoint(lng::float8, lat::float8), 4326), ${srid}),
          radius::real, contract, hours::text::real, shifts::int, lic::boolean, veh::boolean, positions::int, starts::date,
          expires::text::date, status, case when status <> 'draft' then now() - (random() * interval '${publishedWithinDays} days') end, creator::uuid
        from (values ${rows.join(",\n")}) as v(ext, emp, title, rome, req, wish, descr, insee, lng, lat, radius, contract, hours, shifts, lic, veh,
          positions, starts, expires, status, creator)`),
    );
  }
  lap(`${nEmployers} employeurs et ${o.offers.toLocaleString("fr-FR")} offres`);

  await rebuildAllMatchPoints(db);
  lap("lignes du matcher");
  await db.execute(sql`analyze`);
  lap("analyze");

  const [n] = await queryRows<Omit<Dataset, "loadSeconds">>(
    db,
    sql`select (select count(*)::int from beneficiary_profiles) as beneficiaries,
          (select count(*)::int from beneficiary_profiles where status = 'active' and seeking and visible_to_employers) as searchable,
          (select count(*)::int from employers) as employers,
          (select count(*)::int from offers) as offers,
          (select count(*)::int from offers where status = 'published') as published,
          (select count(*)::int from profile_match_points) as "matchRows",
          (select count(*)::int from search_documents) as "searchDocuments"`,
  );
  return { ...n!, loadSeconds: seconds };
}

