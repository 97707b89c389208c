// Benchmark of the matcher: `npm run bench:match -- --sizes 10000,100000,1000000`.
//
// For each engine (PGlite in memory always, PostgreSQL when DATABASE_URL is set, in a separate
// database <name>_bench created and dropped here) and each size N: migrate, load the communes,
// bulk-load N generated profiles and N/10 offers (multi-row INSERTs, points computed in SQL),
// rebuild the matcher rows, ANALYZE; then time the SQL matcher (src/server/matching/queries.ts)
// around Blois (rural) and Paris (dense), and the naive way (every searchable profile loaded
// into Node and scored with score.ts), checking that both give the same top lists.
// Results: a table on standard output, progress on standard error, JSON in docs/benchmarks.json.
//
// Options: --sizes a,b,c   --pglite-max N (default 100000)   --runs N (default 30)
//          --warmup N (default 3)   --naive-runs N   --engines pglite,postgres   --keep (leave the
//          PostgreSQL bench database for EXPLAIN)   --out FILE (default docs/benchmarks.json)

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { optionReader, pgAdmin } from "./bench-lib";
import { openDatabase, queryRows, type Database, type DatabaseHandle, type Engine } from "../src/server/db/client";
import { migrateDatabase } from "../src/server/db/migrate";
import { communeSampler, DEMO_JOBS, generateOffer, generateProfile, parseRomeJobSkills, type CommunePlace, type SkillsByJob } from "../src/server/demo/generate";
import { loadInstanceConfig } from "../src/server/config/config";
import { seededRandom } from "../src/server/lib/random";
import { matchCandidatesForOffer, matchOffersForBeneficiary, type MatchItem } from "../src/server/matching/queries";
import { FORMATION_BONUS, jobFit, proximity, score, skillsShare, WEIGHTS, type Components } from "../src/server/matching/score";
import { haversineKm } from "../src/server/geo/distance";
import { upsertEmployer } from "../src/server/organisations/employers";
import { saveOffer } from "../src/server/offers/save";
import { jobHierarchy, rebuildAllMatchPoints, saveProfile } from "../src/server/profiles/save";
import { importCommunes, parseCommunes } from "../src/server/referentials/import";

// ---------------------------------------------------------------------------------------------
// Options

type Options = {
  sizes: number[];
  pgliteMax: number;
  runs: number;
  warmup: number;
  naiveRuns: number | null;
  engines: Engine[];
  keep: boolean;
  out: string;
};

function parseArgs(argv: string[]): Options {
  const { get, int } = optionReader(argv);
  const sizes = (get("sizes") ?? "10000,100000")
    .split(",")
    .map((s) => Number(s.trim().replace(/_/g, "")))
    .filter((n) => n > 0);
  if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new Error("--sizes attend des entiers ≥ 100, séparés par des virgules");
  const available: Engine[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
  const engines = (get("engines")?.split(",") as Engine[] | undefined) ?? available;
  for (const e of engines) {
    if (!available.includes(e)) throw new Error(`moteur indisponible : ${e}${e === "postgres" ? " (DATABASE_URL non défini)" : ""}`);
  }
  return {
    sizes,
    pgliteMax: int("pglite-max", 100_000),
    runs: Math.max(1, int("runs", 30)),
    warmup: int("warmup", 3),
    naiveRuns: get("naive-runs") ? int("naive-runs", 5) : null,
    engines,
    keep: argv.includes("--keep"),
    out: get("out") ?? "docs/benchmarks.json",
  };
}

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
const secs = (ms: number) => Math.round(ms / 100) / 10;

// ---------------------------------------------------------------------------------------------
// Reference data read from the files (the matcher needs no ROME table: only job → skills for the generator)

const DATA = path.resolve(process.cwd(), "data");
const TODAY = new Date().toISOString().slice(0, 10);
/** Radius of the probe offers and travel limit of the probe beneficiaries. */
const PROBE_KM = 30;
/** Jobs of the probe offers and probe beneficiaries: one per busy large domain (K, N, G, J). */
const PROBE_JOBS = ["K2205", "N1103", "G1803", "J1501"];
const PLACES = { rural: { insee: "41018", name: "Blois" }, dense: { insee: "75056", name: "Paris" } } as const;
type PlaceKey = keyof typeof PLACES;

function readRome() {
  const f = (name: string) => readFileSync(path.join(DATA, "rome", name), "utf8");
  return parseRomeJobSkills({
    jobs: f("unix_referentiel_code_rome_v460_utf8.csv"),
    skills: f("unix_referentiel_competence_v460_utf8.csv"),
    links: f("unix_liens_rome_referentiels_v460_utf8.csv"),
  });
}

function readCommunes(): Array<CommunePlace & { departement: string }> {
  return parseCommunes(readFileSync(path.join(DATA, "communes.csv"), "utf8"))
    .map((c) => ({ insee: c.insee, name: c.name, departement: c.departement, population: c.population, lat: c.location.lat, lng: c.location.lng }))
    .sort((a, b) => a.insee.localeCompare(b.insee));
}

// ---------------------------------------------------------------------------------------------
// Databases

function benchDatabaseUrl(url: string) {
  const u = new URL(url);
  const name = `${decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres"}_bench`.replace(/[^a-zA-Z0-9_]/g, "_");
  const admin = new URL(url);
  const bench = new URL(url);
  bench.pathname = `/${name}`;
  return { name, admin: admin.toString(), bench: bench.toString() };
}

async function openEngine(engine: Engine): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  if (engine === "pglite") {
    const handle = await openDatabase({ engine: "pglite", dataDir: "memory://" });
    return { handle, drop: async () => {} };
  }
  const { name, admin, bench } = benchDatabaseUrl(process.env.DATABASE_URL!);
  await pgAdmin(admin, [`drop database if exists ${name} with (force)`, `create database ${name}`]);
  await pgAdmin(bench, ["postgis", "pg_trgm", "unaccent", "btree_gist", "intarray"].map((e) => `create extension if not exists ${e}`));
  const handle = await openDatabase({ engine: "postgres", url: bench });
  return { handle, drop: () => pgAdmin(admin, [`drop database if exists ${name} with (force)`]) };
}

// ---------------------------------------------------------------------------------------------
// Bulk load: multi-row INSERTs of literal values (generated here, so quoting is all we need),
// points computed in SQL from longitude/latitude.

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (xs: ReadonlyArray<string | number>) => q(`{${xs.join(",")}}`);
const opt = (s: string | null | undefined) => (s == null ? "null" : q(s));

async function pipeline<T>(total: number, batch: number, make: (i: number) => T, write: (rows: T[]) => Promise<void>, label: string) {
  let pending: Promise<void> | null = null;
  let lastLog = Date.now();
  let generating = 0;
  let waiting = 0;
  for (let start = 0; start < total; start += batch) {
    const t0 = performance.now();
    const rows: T[] = [];
    for (let i = start; i < Math.min(total, start + batch); i++) rows.push(make(i));
    const t1 = performance.now();
    // Generate the next batch while the database writes this one.
    if (pending) await pending;
    generating += t1 - t0;
    waiting += performance.now() - t1;
    pending = write(rows);
    if (Date.now() - lastLog > 5000) {
      log(`  ${label} : ${Math.min(total, start + batch).toLocaleString("fr-FR")} / ${total.toLocaleString("fr-FR")}`);
      lastLog = Date.now();
    }
  }
  const t1 = performance.now();
  if (pending) await pending;
  waiting += performance.now() - t1;
  log(`  ${label} : génération ${secs(generating)} s, attente de la base ${secs(waiting)} s`);
}

async function loadProfiles(db: Database, n: number, sampler: ReturnType<typeof communeSampler>, skillsByJob: SkillsByJob, srid: number, batch: number) {
  const rnd = seededRandom(1_000_003);
  await pipeline(
    n,
    batch,
    (i) => {
      const p = generateProfile(rnd, { commune: sampler.pick(rnd), today: TODAY, skillsByJob, jitterKm: 1.5 });
      const h = jobHierarchy(p.jobs.map((j) => j.romeCode));
      const formationCodes = [...new Set((p.formations ?? []).flatMap((f) => f.romeCodes))].sort();
      return `(${q(`BENCH-P-${String(i + 1).padStart(7, "0")}`)},${q(p.firstName)},${q(p.lastName)},${q(p.communeInsee)},${p.point.lng},${p.point.lat},${p.preciseLocation},${arr(p.travelModes)},${p.maxDistanceKm},${q(p.drivingLicence)},${p.hasVehicle},${opt(p.availableFrom)},${p.shifts},${p.fullTime ?? "null"},${p.seeking},${p.visibleToEmployers},${arr(p.skillCodes)},${arr(h.romeCodes)},${arr(h.domainCodes)},${arr(h.largeDomains)},${arr(formationCodes)})`;
    },
    async (rows) => {
      await db.execute(
        sql.raw(`insert into beneficiary_profiles (external_id, first_name, last_name, commune_insee, location, location_proj,
            precise_location, travel_modes, max_distance_km, driving_licence, has_vehicle, available_from, shifts, full_time,
            seeking, visible_to_employers, skill_codes, rome_codes, domain_codes, large_domains, formation_rome_codes)
          select ext, fn, ln, insee,
            ST_SetSRID(ST_MakePoint(lng::float8, lat::float8), 4326)::geography,
            ST_Transform(ST_SetSRID(ST_MakePoint(lng::float8, lat::float8), 4326), ${srid}),
            precise::boolean, modes::text::text[], maxd::real, lic, veh::boolean, af::text::date, shifts::int, ft::text::boolean,
            seeking::boolean, visible::boolean, skills::text::int[], rc::text::text[], dc::text::text[], ld::text::text[], frc::text::text[]
          from (values ${rows.join(",\n")}) as v(ext, fn, ln, insee, lng, lat, precise, modes, maxd, lic, veh, af, shifts, ft,
            seeking, visible, skills, rc, dc, ld, frc)`),
      );
    },
    "profils",
  );
}

async function loadOffers(
  db: Database,
  n: number,
  sampler: ReturnType<typeof communeSampler>,
  skillsByJob: SkillsByJob,
  allJobs: Array<{ code: string; label: string }>,
  srid: number,
  batch: number,
) {
  const employers = Math.max(20, Math.ceil(n / 20));
  await db.execute(
    sql.raw(`insert into employers (name, siret) select 'Employeur de test ' || i, null from generate_series(1, ${employers}) i`),
  );
  const ids = (await queryRows<{ id: string }>(db, sql`select id from employers order by name`)).map((r) => r.id);
  const rnd = seededRandom(2_000_003);
  await pipeline(
    n,
    batch,
    (i) => {
      const o = generateOffer(rnd, {
        employerId: ids[i % ids.length]!,
        commune: sampler.pick(rnd),
        today: TODAY,
        skillsByJob,
        allJobs,
        listShare: 0.7,
        jitterKm: 1.5,
      });
      return `(${q(`BENCH-O-${String(i + 1).padStart(7, "0")}`)},${q(o.employerId)},${q(o.title)},${q(o.romeCode)},${arr(o.requiredSkills)},${q(o.communeInsee)},${o.point.lng},${o.point.lat},${o.radiusKm},${q(o.contract)},${o.hoursPerWeek ?? "null"},${o.shifts},${o.licenceRequired},${o.vehicleRequired},${o.positions},${q(o.startsOn)},${opt(o.expiresOn)},${q(o.status)})`;
    },
    async (rows) => {
      await db.execute(
        sql.raw(`insert into offers (external_id, employer_id, title, rome_code, required_skills, commune_insee, location, location_proj,
            radius_km, contract, hours_per_week, shifts, licence_required, vehicle_required, positions, starts_on, expires_on, status)
          select ext, emp::uuid, title, rome, req::text::int[], insee,
            ST_SetSRID(ST_MakePoint(lng::float8, lat::float8), 4326)::geography,
            ST_Transform(ST_SetSRID(ST_MakePoint(lng::float8, lat::float8), 4326), ${srid}),
            radius::real, contract, hours::text::real, shifts::int, lic::boolean, veh::boolean, positions::int, starts::date,
            expires::text::date, status
          from (values ${rows.join(",\n")}) as v(ext, emp, title, rome, req, insee, lng, lat, radius, contract, hours, shifts, lic, veh,
            positions, starts, expires, status)`),
      );
    },
    "offres",
  );
}

// ---------------------------------------------------------------------------------------------
// Probes: the offers and beneficiaries whose matches are timed

type Probe = { id: string; romeCode: string };

async function addProbes(db: Database, communes: Map<string, CommunePlace>, skillsByJob: SkillsByJob) {
  const employerId = await upsertEmployer(db, { name: "Employeur sonde (benchmark)" });
  const offers: Record<PlaceKey, Probe[]> = { rural: [], dense: [] };
  const profiles: Record<PlaceKey, Probe[]> = { rural: [], dense: [] };
  const rnd = seededRandom(3_000_003);
  for (const key of Object.keys(PLACES) as PlaceKey[]) {
    const c = communes.get(PLACES[key].insee)!;
    for (const code of PROBE_JOBS) {
      const skills = skillsByJob.get(code)!;
      const required = [0, 1, 2].map(() => skills[rnd.int(0, skills.length - 1)]!);
      const o = await saveOffer(db, {
        externalId: `BENCH-PROBE-O-${key}-${code}`,
        employerId,
        title: `Sonde ${code}`,
        romeCode: code,
        requiredSkills: required,
        communeInsee: c.insee,
        point: { lng: c.lng, lat: c.lat },
        radiusKm: PROBE_KM,
        contract: "cdi",
        shifts: 1,
        licenceRequired: false,
        vehicleRequired: false,
        positions: 1,
        startsOn: TODAY,
        status: "published",
      });
      offers[key].push({ id: o.id, romeCode: code });
      const label = DEMO_JOBS.find((j) => j.code === code)!.label;
      const p = await saveProfile(db, {
        externalId: `BENCH-PROBE-P-${key}-${code}`,
        firstName: "Sonde",
        lastName: code,
        communeInsee: c.insee,
        point: { lng: c.lng, lat: c.lat },
        preciseLocation: false,
        travelModes: ["car"],
        maxDistanceKm: PROBE_KM,
        drivingLicence: "B",
        hasVehicle: true,
        shifts: 7,
        seeking: true,
        visibleToEmployers: true,
        skillCodes: skills.filter((_, i) => i % 2 === 0),
        jobs: [{ kind: "sought", romeCode: code, label }],
      });
      profiles[key].push({ id: p.id, romeCode: code });
    }
  }
  return { offers, profiles };
}

// ---------------------------------------------------------------------------------------------
// The naive way: every searchable profile (or open offer) into Node, then haversine, hard
// filters and the score of score.ts, sort, take the top.

type NaiveItem = { id: string; raw: number; score: number; distanceKm: number };

/** The unrounded score, to order exactly as the SQL does (score() rounds to one decimal). */
function rawScore(c: Components): number {
  const skillsWeight = c.skills === null ? 0 : WEIGHTS.skills;
  const total = WEIGHTS.job + skillsWeight + WEIGHTS.proximity;
  return Math.min(100, (100 * (WEIGHTS.job * c.job + skillsWeight * (c.skills ?? 0) + WEIGHTS.proximity * c.proximity)) / total + FORMATION_BONUS * c.formation);
}

function topOf(items: NaiveItem[], limit: number): NaiveItem[] {
  return items
    .sort((a, b) => b.raw - a.raw || a.distanceKm - b.distanceKm || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
}

type ProfileRow = {
  id: string;
  lng: number;
  lat: number;
  max_distance_km: number;
  driving_licence: string;
  has_vehicle: boolean;
  available_from: string | null;
  shifts: number;
  rome_codes: string[];
  skill_codes: number[];
  formation_rome_codes: string[];
};
type OfferRow = {
  id: string;
  lng: number;
  lat: number;
  radius_km: number;
  rome_code: string;
  required_skills: number[];
  shifts: number;
  licence_required: boolean;
  vehicle_required: boolean;
  starts_on: string;
};

const loadSearchableProfiles = (db: Database) =>
  queryRows<ProfileRow>(
    db,
    sql`select id, ST_X(location::geometry) as lng, ST_Y(location::geometry) as lat, max_distance_km, driving_licence, has_vehicle,
          available_from::text as available_from, shifts, rome_codes, skill_codes, formation_rome_codes
        from beneficiary_profiles where status = 'active' and seeking and visible_to_employers`,
  );

const offerColumns = sql`id, ST_X(location::geometry) as lng, ST_Y(location::geometry) as lat, radius_km, rome_code, required_skills,
  shifts, licence_required, vehicle_required, starts_on::text as starts_on`;
const loadOpenOffers = (db: Database) =>
  queryRows<OfferRow>(
    db,
    sql`select ${offerColumns} from offers where status = 'published' and (expires_on is null or expires_on >= current_date)`,
  );
const loadOffer = async (db: Database, id: string) => (await queryRows<OfferRow>(db, sql`select ${offerColumns} from offers where id = ${id}`))[0]!;
const loadProfile = async (db: Database, id: string) =>
  (
    await queryRows<ProfileRow>(
      db,
      sql`select id, ST_X(location::geometry) as lng, ST_Y(location::geometry) as lat, max_distance_km, driving_licence, has_vehicle,
            available_from::text as available_from, shifts, rome_codes, skill_codes, formation_rome_codes
          from beneficiary_profiles where id = ${id}`,
    )
  )[0]!;

function pair(p: ProfileRow, o: OfferRow, today: string): NaiveItem | null {
  const radiusKm = Math.min(Number(p.max_distance_km), Number(o.radius_km));
  const distanceKm = haversineKm({ lat: Number(p.lat), lng: Number(p.lng) }, { lat: Number(o.lat), lng: Number(o.lng) });
  if (distanceKm > radiusKm) return null;
  if (o.licence_required && p.driving_licence !== "B" && p.driving_licence !== "other") return null;
  if (o.vehicle_required && !p.has_vehicle) return null;
  if ((o.shifts & ~p.shifts) !== 0) return null;
  if (p.available_from && p.available_from > (o.starts_on > today ? o.starts_on : today)) return null;
  const job = jobFit(p.rome_codes, o.rome_code);
  if (job === 0) return null;
  const c: Components = {
    job,
    skills: skillsShare(p.skill_codes, o.required_skills),
    proximity: proximity(distanceKm, radiusKm),
    formation: p.formation_rome_codes.includes(o.rome_code) ? 1 : 0,
  };
  return { id: "", raw: rawScore(c), score: score(c), distanceKm };
}

function naiveCandidates(profiles: ProfileRow[], offer: OfferRow, today: string, limit = 50): NaiveItem[] {
  const out: NaiveItem[] = [];
  for (const p of profiles) {
    const item = pair(p, offer, today);
    if (item) out.push({ ...item, id: p.id });
  }
  return topOf(out, limit);
}

function naiveOffers(offers: OfferRow[], profile: ProfileRow, today: string, limit = 20): NaiveItem[] {
  const out: NaiveItem[] = [];
  for (const o of offers) {
    const item = pair(profile, o, today);
    if (item) out.push({ ...item, id: o.id });
  }
  return topOf(out, limit);
}

/** Ranks where the two lists disagree: a different id with a different score (equal scores are ties). */
function mismatches(sqlItems: MatchItem[], naive: NaiveItem[]): number {
  let n = Math.abs(sqlItems.length - naive.length);
  for (let i = 0; i < Math.min(sqlItems.length, naive.length); i++) {
    if (sqlItems[i]!.id !== naive[i]!.id && Math.abs(sqlItems[i]!.score - naive[i]!.score) > 1e-9) n++;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Timing

type Timing = { p50: number; p95: number; runs: number; results: number };

function percentile(sorted: number[], p: number) {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

async function time(runs: number, warmup: number, fn: (i: number) => Promise<number>): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const ms: number[] = [];
  let results = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    results += await fn(i);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return { p50: r2(percentile(ms, 0.5)), p95: r2(percentile(ms, 0.95)), runs, results: Math.round(results / runs) };
}

// ---------------------------------------------------------------------------------------------
// One engine, one size

type CaseResult = {
  place: string;
  profilesWithin30Km: number;
  /** matcher rows of the probe's large domain within 30 km (mean over the probe jobs): what one candidate query scores */
  domainRowsWithin30Km: number;
  candidates: Timing;
  offers: Timing;
  naiveCandidates: Timing;
  naiveOffers: Timing;
  speedUpCandidates: number;
  speedUpOffers: number;
  mismatches: { candidates: number; offers: number; identicalOrder: boolean };
};
type SizeResult = {
  engine: Engine;
  engineVersion?: string;
  postgisVersion?: string;
  size: number;
  skipped?: string;
  /** 1-minute load average before and after (other work on the machine skews the timings) */
  loadAverage?: { before: number; after: number };
  region?: string;
  offers?: number;
  searchableProfiles?: number;
  matchRows?: number;
  loadSeconds?: { referential: number; profiles: number; offers: number; matchRows: number; analyze: number; total: number };
  rural?: CaseResult;
  dense?: CaseResult | { skipped: string; profilesWithin30Km: number };
};

async function runOne(engine: Engine, size: number, opts: Options, ref: { rome: ReturnType<typeof readRome>; communes: ReturnType<typeof readCommunes> }): Promise<SizeResult> {
  log(`${engine}, ${size.toLocaleString("fr-FR")} profils : ouverture de la base`);
  const loadBefore = Math.round(os.loadavg()[0]! * 100) / 100;
  const { handle, drop } = await openEngine(engine);
  const db = handle.db;
  try {
    await migrateDatabase(handle);
    const [v] = await queryRows<{ version: string; postgis: string }>(db, sql`select version() as version, postgis_lib_version() as postgis`);
    const srid = loadInstanceConfig().projectedSrid;

    const t0 = performance.now();
    await importCommunes(db);
    const tRef = performance.now();

    const regional = size <= 10_000;
    const region = regional ? ref.communes.filter((c) => c.departement === "41") : ref.communes.filter((c) => !c.departement.startsWith("97"));
    const sampler = communeSampler(region);
    const batch = engine === "pglite" ? 1_000 : 2_000;
    log(`  chargement de ${size.toLocaleString("fr-FR")} profils (${regional ? "Loir-et-Cher" : "France métropolitaine"})`);
    await loadProfiles(db, size, sampler, ref.rome.skillsByJob, srid, batch);
    const tProfiles = performance.now();
    const nOffers = Math.max(10, Math.round(size / 10));
    log(`  chargement de ${nOffers.toLocaleString("fr-FR")} offres`);
    await loadOffers(db, nOffers, sampler, ref.rome.skillsByJob, ref.rome.jobs, srid, batch);
    const tOffers = performance.now();
    log("  lignes du matcher (rebuildAllMatchPoints)");
    await rebuildAllMatchPoints(db);
    const tMatch = performance.now();
    await db.execute(sql`analyze`);
    const tAnalyze = performance.now();
    const loadSeconds = {
      referential: secs(tRef - t0),
      profiles: secs(tProfiles - tRef),
      offers: secs(tOffers - tProfiles),
      matchRows: secs(tMatch - tOffers),
      analyze: secs(tAnalyze - tMatch),
      total: secs(tAnalyze - tRef),
    };
    log(`  chargé en ${loadSeconds.total} s (${JSON.stringify(loadSeconds)})`);

    const communes = new Map(ref.communes.map((c) => [c.insee, c]));
    const probes = await addProbes(db, communes, ref.rome.skillsByJob);
    await db.execute(sql`analyze`);
    const [counts] = await queryRows<{ searchable: number; rows: number }>(
      db,
      sql`select (select count(*)::int from beneficiary_profiles where status = 'active' and seeking and visible_to_employers) as searchable,
            (select count(*)::int from profile_match_points) as rows`,
    );
    const [{ today }] = (await queryRows<{ today: string }>(db, sql`select current_date::text as today`)) as [{ today: string }];

    const result: SizeResult = {
      engine,
      engineVersion: v!.version.split(" on ")[0],
      postgisVersion: v!.postgis,
      size,
      region: regional ? "Loir-et-Cher (41)" : "France métropolitaine",
      offers: nOffers,
      searchableProfiles: counts!.searchable,
      matchRows: counts!.rows,
      loadSeconds,
    };

    const naiveRuns = opts.naiveRuns ?? (size >= 1_000_000 ? 3 : size >= 100_000 ? 10 : 20);
    for (const key of Object.keys(PLACES) as PlaceKey[]) {
      const c = communes.get(PLACES[key].insee)!;
      const point = sql`ST_SetSRID(ST_MakePoint(${c.lng}::float8, ${c.lat}::float8), 4326)::geography`;
      const [within] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from beneficiary_profiles where ST_DWithin(location, ${point}, ${PROBE_KM * 1000}, false)`,
      );
      const inReach = within!.n - PROBE_JOBS.length; // not counting the probes themselves
      if (inReach <= 0) {
        log(`  ${PLACES[key].name} : aucun profil à moins de ${PROBE_KM} km, cas ignoré`);
        result[key] = { skipped: `aucun profil à moins de ${PROBE_KM} km de ${PLACES[key].name}`, profilesWithin30Km: 0 } as never;
        continue;
      }
      const [domainRows] = await queryRows<{ n: number }>(
        db,
        sql`select (count(*) / ${PROBE_JOBS.length})::int as n from profile_match_points
            where large_domain in (${sql.join(PROBE_JOBS.map((j) => sql`${j[0]!}`), sql`, `)})
              and ST_DWithin(location, ${point}, ${PROBE_KM * 1000}, false)`,
      );
      const offerIds = probes.offers[key];
      const profileIds = probes.profiles[key];
      log(`  ${PLACES[key].name} (${inReach.toLocaleString("fr-FR")} profils à moins de ${PROBE_KM} km) : requêtes SQL`);
      const candidates = await time(opts.runs, opts.warmup, async (i) => (await matchCandidatesForOffer(db, offerIds[i % offerIds.length]!.id, 50)).length);
      const offersTiming = await time(opts.runs, opts.warmup, async (i) => (await matchOffersForBeneficiary(db, profileIds[i % profileIds.length]!.id, 20)).length);

      log(`  ${PLACES[key].name} : méthode naïve (${naiveRuns} passages)`);
      const naiveCand = await time(naiveRuns, 1, async (i) => {
        const offer = await loadOffer(db, offerIds[i % offerIds.length]!.id);
        const all = await loadSearchableProfiles(db);
        return naiveCandidates(all, offer, today).length;
      });
      const naiveOff = await time(naiveRuns, 1, async (i) => {
        const profile = await loadProfile(db, profileIds[i % profileIds.length]!.id);
        const all = await loadOpenOffers(db);
        return naiveOffers(all, profile, today).length;
      });

      // Same top lists? (loaded once, checked for every probe)
      let mCand = 0;
      let mOff = 0;
      let identical = true;
      {
        const all = await loadSearchableProfiles(db);
        for (const p of offerIds) {
          const s = await matchCandidatesForOffer(db, p.id, 50);
          const n = naiveCandidates(all, await loadOffer(db, p.id), today);
          mCand += mismatches(s, n);
          identical &&= s.length === n.length && s.every((x, i) => x.id === n[i]!.id);
        }
      }
      {
        const all = await loadOpenOffers(db);
        for (const p of profileIds) {
          const s = await matchOffersForBeneficiary(db, p.id, 20);
          const n = naiveOffers(all, await loadProfile(db, p.id), today);
          mOff += mismatches(s, n);
          identical &&= s.length === n.length && s.every((x, i) => x.id === n[i]!.id);
        }
      }
      result[key] = {
        place: `${PLACES[key].name} (${PLACES[key].insee})`,
        profilesWithin30Km: inReach,
        domainRowsWithin30Km: domainRows!.n,
        candidates,
        offers: offersTiming,
        naiveCandidates: naiveCand,
        naiveOffers: naiveOff,
        speedUpCandidates: Math.round(naiveCand.p50 / candidates.p50),
        speedUpOffers: Math.round(naiveOff.p50 / offersTiming.p50),
        mismatches: { candidates: mCand, offers: mOff, identicalOrder: identical },
      };
      log(`    ${JSON.stringify({ candidates, offers: offersTiming, naive: naiveCand.p50, mismatches: result[key]!.mismatches })}`);
    }
    result.loadAverage = { before: loadBefore, after: Math.round(os.loadavg()[0]! * 100) / 100 };
    return result;
  } finally {
    await handle.close();
    if (!(opts.keep && engine === "postgres")) await drop();
    else log(`  base ${benchDatabaseUrl(process.env.DATABASE_URL!).name} conservée (--keep)`);
  }
}

// ---------------------------------------------------------------------------------------------
// Output

function machine() {
  return {
    cpu: os.cpus()[0]?.model ?? "inconnu",
    cores: os.cpus().length,
    ramGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

const fmt = (x: number | undefined) => (x === undefined ? "—" : x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString("fr-FR"));
const pp = (t?: Timing) => (t ? `${fmt(t.p50)} / ${fmt(t.p95)}` : "—");

function printTable(results: SizeResult[]) {
  const rows: string[][] = [];
  for (const r of results) {
    if (r.skipped) {
      rows.push([r.engine, r.size.toLocaleString("fr-FR"), "—", "ignoré", "—", "—", "—", "—", "—", "—", `(${r.skipped})`]);
      continue;
    }
    for (const key of Object.keys(PLACES) as PlaceKey[]) {
      const c = r[key] as CaseResult | { skipped: string } | undefined;
      const base = [r.engine, r.size.toLocaleString("fr-FR"), key === "rural" ? String(r.loadSeconds!.total) : ""];
      if (!c || "skipped" in c) {
        rows.push([...base, PLACES[key].name, "0", "—", "—", "—", "—", "—", "—"]);
        continue;
      }
      rows.push([
        ...base,
        PLACES[key].name,
        c.profilesWithin30Km.toLocaleString("fr-FR"),
        pp(c.candidates),
        pp(c.offers),
        fmt(c.naiveCandidates.p50),
        `×${c.speedUpCandidates}`,
        `×${c.speedUpOffers}`,
        `${c.mismatches.candidates + c.mismatches.offers}`,
      ]);
    }
  }
  const header = ["moteur", "profils", "chargement (s)", "lieu", "profils ≤ 30 km", "top 50 candidats p50/p95 (ms)", "top 20 offres p50/p95 (ms)", "naïf candidats p50 (ms)", "gain candidats", "gain offres", "écarts"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of rows) console.log(line(r.length === header.length ? r : [...r, ...Array(header.length - r.length).fill("")]));
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const ref = { rome: readRome(), communes: readCommunes() };
  const results: SizeResult[] = [];
  const report = () => ({
    generatedAt: new Date().toISOString(),
    command: `npm run bench:match -- ${process.argv.slice(2).join(" ")}`.trim(),
    machine: machine(),
    settings: {
      runs: opts.runs,
      warmup: opts.warmup,
      probeRadiusKm: PROBE_KM,
      probeJobs: PROBE_JOBS,
      offersPerProfile: 0.1,
      jitterKm: 1.5,
      note: "p50/p95 en millisecondes, mesurés depuis Node (requête SQL + mise en forme) ; naïf = chargement de tous les profils cherchables + score en Node",
    },
    results,
  });
  for (const engine of opts.engines) {
    for (const size of opts.sizes) {
      if (engine === "pglite" && size > opts.pgliteMax) {
        const why = `au-delà de --pglite-max ${opts.pgliteMax}`;
        console.log(`PGlite, ${size.toLocaleString("fr-FR")} profils : ignoré (${why})`);
        results.push({ engine, size, skipped: why });
        continue;
      }
      results.push(await runOne(engine, size, opts, ref));
      mkdirSync(path.dirname(opts.out), { recursive: true });
      writeFileSync(opts.out, `${JSON.stringify(report(), null, 2)}\n`);
    }
  }
  mkdirSync(path.dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify(report(), null, 2)}\n`);
  console.log(`\nMachine : ${machine().cpu}, ${machine().cores} cœurs, ${machine().ramGb} Go, Node ${process.version}`);
  for (const r of results.filter((x) => x.engineVersion)) {
    console.log(`  ${r.engine} ${r.size.toLocaleString("fr-FR")} : ${r.engineVersion}, PostGIS ${r.postgisVersion}`);
  }
  console.log("");
  printTable(results);
  console.log(`\nRésultats écrits dans ${opts.out}`);
}

main().catch((err) => {
  console.error(`[bench] échec : ${(err as Error).stack ?? err}`);
  process.exit(1);
});
