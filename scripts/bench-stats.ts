// Benchmark of the département's dashboard: `npm run bench:stats [-- --runs 10 --engines pglite,postgres]`.
//
// For each engine (PGlite in memory; PostgreSQL in a scratch database <name>_bench_stats created
// and dropped here, from BENCH_DATABASE_URL, DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres):
// migrate, load the communes and the instance's territories, then generate in SQL
// (generate_series) 100,000 beneficiaries over 24 months and the 5 territories, 50 advisers,
// 2,000 organisations, 10,000 offers, 200,000 applications, 50,000 proposals, 20,000 placements
// (some ended, 5 % hired in another territory than today's) and their 60,000 check-ins; ANALYZE;
// then time the dashboard's queries (src/server/stats/queries.ts), one by one and together as
// the dashboard runs them (statsReport with caseloads), for the whole instance and for one
// territory over the last 12 months. Results: a table on standard output, progress on stderr.
//
// Options: --profiles N (default 100000)  --placements N (default 20000)  --runs N (default 10)
//          --warmup N (default 2)  --engines pglite,postgres  --keep (leave the PostgreSQL database)

import { log, openBenchDatabase, secs, time, type Timing } from "./bench-lib";
import os from "node:os";
import { sql } from "drizzle-orm";
import { queryRows, type Database, type Engine } from "../src/server/db/client";
import { migrateDatabase } from "../src/server/db/migrate";
import { loadInstanceConfig } from "../src/server/config/config";
import { syncTerritories } from "../src/server/instance/territories";
import { importCommunes } from "../src/server/referentials/import";
import { instanceToday } from "../src/server/config/time-zone";
import { resolvePeriod } from "../src/server/stats/period";
import { caseloadRows, countRows, delayRows, exitRows, retentionRows } from "../src/server/stats/queries";
import { statsReport, withStatsSnapshot } from "../src/server/stats/report";
import type { StatsFilters } from "../src/server/stats/types";

type Options = { profiles: number; placements: number; runs: number; warmup: number; engines: Engine[]; keep: boolean };

function parseArgs(argv: string[]): Options {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i < 0 ? undefined : argv[i + 1];
  };
  const int = (name: string, dflt: number) => {
    const v = get(name);
    const n = v === undefined ? dflt : Number(v.replace(/_/g, ""));
    if (!Number.isInteger(n) || n < (name === "warmup" ? 0 : 1)) throw new Error(`--${name} attend un entier positif`);
    return n;
  };
  const engines = (get("engines") ?? "pglite,postgres").split(",") as Engine[];
  for (const e of engines) if (e !== "pglite" && e !== "postgres") throw new Error(`moteur inconnu : ${e}`);
  return { profiles: int("profiles", 100_000), placements: int("placements", 20_000), runs: int("runs", 10), warmup: int("warmup", 2), engines, keep: argv.includes("--keep") };
}


// ---------------------------------------------------------------------------------------------
// Databases




// ---------------------------------------------------------------------------------------------
// Data, generated in SQL. Spread deterministically (multiplications modulo), so every run and
// both engines hold the same rows.

async function generate(db: Database, o: Options, srid: number) {
  const step = async (label: string, q: ReturnType<typeof sql>) => {
    const t0 = performance.now();
    await db.execute(q);
    log(`  ${label} (${secs(performance.now() - t0)} s)`);
  };
  const N = o.profiles;
  const P = Math.min(o.placements, Math.floor(N / 5));
  await step("territoires", sql`
    create table bench_t as
    select (row_number() over (order by t.code) - 1)::int as i, t.code,
      (select array_agg(insee order by insee) from territory_communes tc where tc.territory_code = t.code) as communes,
      null::uuid[] as advisers
    from territories t`);
  await step("50 conseillers", sql`
    insert into users (email, role, first_name, last_name, status, territory_code)
    select 'conseiller' || g || '@bench.example', 'adviser', 'Conseiller', 'N' || g,
      case when g % 25 = 24 then 'disabled' else 'active' end, b.code
    from generate_series(0, 49) g join bench_t b on b.i = g % 5`);
  await db.execute(sql`update bench_t b set advisers = (select array_agg(id order by id) from users u where u.role = 'adviser' and u.territory_code = b.code)`);
  await step(`${N} bénéficiaires sur 24 mois`, sql`
    insert into beneficiary_profiles (first_name, last_name, commune_insee, location, location_proj, max_distance_km, territory_code,
      adviser_id, status, steps_done, skill_codes, travel_modes, created_at, updated_at)
    select 'Prénom', 'Nom ' || g, c.insee, c.location, ST_Transform(c.location::geometry, ${srid}::int), 30, b.code,
      case when g % 5 < 4 then b.advisers[1 + (g / 5) % cardinality(b.advisers)] end,
      case when g % 50 = 0 then 'archived' else 'active' end,
      case when g % 3 = 0 then array['place','mobility','jobs','skills','availability','background','visibility'] else array['place','mobility'] end,
      case when g % 3 = 0 then array[1,2,3] else '{}'::int[] end,
      array['car'], x.ts, x.ts
    from generate_series(0, ${N - 1}::int) g
    join bench_t b on b.i = g % 5
    join communes c on c.insee = b.communes[1 + (g / 5) % cardinality(b.communes)]
    cross join lateral (select now() - ((g::bigint * 7919) % 730) * interval '1 day' - (g % 1440) * interval '1 minute' as ts) x`);
  await step("métiers recherchés", sql`
    insert into profile_jobs (profile_id, kind, rome_code, label)
    select id, 'sought', 'J1501', 'Aide-soignant' from beneficiary_profiles where cardinality(skill_codes) = 3`);
  await step("2 000 organisations", sql`
    insert into employers (kind, name, commune_insee, location, created_at)
    select case when g % 10 = 0 then 'training_org' else 'company' end, 'Entreprise ' || g, c.insee, c.location,
      now() - ((g::bigint * 7919) % 730) * interval '1 day'
    from generate_series(0, 1999) g
    join bench_t b on b.i = g % 5
    join communes c on c.insee = b.communes[1 + (g / 5) % cardinality(b.communes)]`);
  const nOffers = Math.max(100, Math.round(N / 10));
  await step(`${nOffers} offres`, sql`
    with e as (select array_agg(id order by id) as ids from employers where kind = 'company')
    insert into offers (employer_id, title, rome_code, commune_insee, location, location_proj, radius_km, contract, starts_on, status, published_at, filled_at)
    select e.ids[1 + g % cardinality(e.ids)], 'Aide-soignant', 'J1501', c.insee, c.location, ST_Transform(c.location::geometry, ${srid}::int), 30, 'cdi',
      (x.published + interval '30 days')::date, case when g % 3 = 0 then 'filled' else 'published' end,
      x.published, case when g % 3 = 0 then least(now(), x.published + (g % 40) * interval '1 day') end
    from generate_series(0, ${nOffers - 1}::int) g
    cross join e
    join bench_t b on b.i = g % 5
    join communes c on c.insee = b.communes[1 + (g / 5) % cardinality(b.communes)]
    cross join lateral (select now() - ((g::bigint * 6007) % 730) * interval '1 day' as published) x`);
  await db.execute(sql`create table bench_p as select id, created_at, territory_code, (row_number() over (order by id) - 1)::int as n from beneficiary_profiles`);
  await db.execute(sql`create unique index on bench_p (n)`);
  await db.execute(sql`create table bench_o as select array_agg(id order by id) as ids from offers`);
  await step(`${2 * N} candidatures`, sql`
    insert into applications (profile_id, offer_id, status, created_at)
    select p.id, o.ids[1 + ((g::bigint * 31 + (g / ${N}::int) * 17) % cardinality(o.ids))], 'sent',
      least(now(), p.created_at + ((g::bigint * 13) % 90) * interval '1 day')
    from generate_series(0, ${2 * N - 1}::int) g
    cross join bench_o o
    join bench_p p on p.n = g % ${N}::int`);
  await step("propositions (conseillers et entreprises)", sql`
    insert into proposals (profile_id, offer_id, from_kind, from_user_id, status, created_at, answered_at)
    select p.id, o.ids[1 + ((g::bigint * 7) % cardinality(o.ids))], 'adviser', p.id, 'pending',
      least(now(), p.created_at + (g % 60) * interval '1 day'), null
    from generate_series(0, ${Math.round(N * 0.3) - 1}::int) g cross join bench_o o join bench_p p on p.n = g
    union all
    select p.id, o.ids[1 + ((g::bigint * 11) % cardinality(o.ids))], 'employer', p.id,
      case when g % 2 = 0 then 'accepted' else 'declined' end,
      least(now(), p.created_at + (g % 60) * interval '1 day'), least(now(), p.created_at + (g % 60 + 3) * interval '1 day')
    from generate_series(0, ${Math.round(N * 0.2) - 1}::int) g cross join bench_o o join bench_p p on p.n = (g * 3) % ${N}::int`);
  await step(`${P} placements`, sql`
    insert into placements (profile_id, territory_code, job_title, starts_on, status, ended_on, end_reason, source)
    select p.id, case when g % 20 = 0 then 'blois' else p.territory_code end, 'Aide-soignant', x.starts_on,
      case when g % 5 = 0 and x.ends_on <= current_date then 'ended' else 'active' end,
      case when g % 5 = 0 and x.ends_on <= current_date then x.ends_on end,
      case when g % 5 = 0 and x.ends_on <= current_date then (array['resignation','end_of_contract','dismissal','trial_period','moved','job','training','other'])[1 + g % 8] end,
      'adviser'
    from generate_series(0, ${P - 1}::int) g
    join bench_p p on p.n = (g * 5) % ${N}::int
    cross join lateral (select least(current_date, (p.created_at + (10 + g % 120) * interval '1 day')::date) as starts_on) s
    cross join lateral (select s.starts_on, s.starts_on + (30 + g % 200) as ends_on) x`);
  await step(`${3 * P} points de suivi`, sql`
    insert into check_ins (placement_id, months_after, due_on, status)
    select pl.id, m, d.due_on,
      case
        when pl.ended_on is not null and pl.ended_on <= d.due_on then 'cancelled'
        when d.due_on > current_date then 'pending'
        when abs(hashtext(pl.id::text)) % 10 = 0 then 'unreachable'
        when abs(hashtext(pl.id::text)) % 10 = 1 then 'pending'
        else 'in_post'
      end
    from placements pl cross join (values (1), (3), (6)) h(m)
    cross join lateral (select (pl.starts_on + make_interval(months => m))::date as due_on) d`);
  await db.execute(sql`drop table bench_t, bench_p, bench_o`);
  await step("ANALYZE", sql`analyze`);
}

// ---------------------------------------------------------------------------------------------
// Timing




async function runEngine(engine: Engine, o: Options) {
  log(`${engine} : ouverture`);
  const { handle, drop } = await openBenchDatabase(engine, "stats", o.keep);
  const db = handle.db;
  try {
    const t0 = performance.now();
    await migrateDatabase(handle);
    await importCommunes(db);
    const config = loadInstanceConfig();
    await syncTerritories(db, config);
    log(`  schéma, communes, territoires (${secs(performance.now() - t0)} s)`);
    const tGen = performance.now();
    await generate(db, o, config.projectedSrid);
    const loadSeconds = secs(performance.now() - tGen);
    const [v] = await queryRows<{ version: string }>(db, sql`select version() as version`);
    const sizes = await queryRows<Record<string, number>>(
      db,
      sql`select (select count(*) from beneficiary_profiles)::int as profiles, (select count(*) from placements)::int as placements,
        (select count(*) from check_ins)::int as check_ins, (select count(*) from applications)::int as applications,
        (select count(*) from proposals)::int as proposals, (select count(*) from offers)::int as offers, (select count(*) from employers)::int as employers`,
    );
    const loadBefore = os.loadavg()[0]!;
    const today = instanceToday();
    const results: Array<{ scope: string; query: string; timing: Timing }> = [];
    for (const territory of [null, "blois"]) {
      const filters: StatsFilters = { ...resolvePeriod({}), territory };
      const scope = territory ?? "toute l'instance";
      log(`  mesures : ${scope}, ${filters.from} → ${filters.to}`);
      const queries: Array<[string, () => Promise<unknown>]> = [
        // each alone, in the same snapshot settings as the dashboard (read only, JIT off)
        ["comptages (9)", () => withStatsSnapshot(db, (tx) => countRows(tx, filters))],
        ["maintien 1/3/6 mois", () => withStatsSnapshot(db, (tx) => retentionRows(tx, filters, today))],
        ["délais médians", () => withStatsSnapshot(db, (tx) => delayRows(tx, filters))],
        ["sorties", () => withStatsSnapshot(db, (tx) => exitRows(tx, filters))],
        ["portefeuilles", () => withStatsSnapshot(db, (tx) => caseloadRows(tx, territory))],
        ["tableau de bord complet", () => statsReport(db, filters, { today, withCaseloads: true })],
      ];
      for (const [query, fn] of queries) results.push({ scope, query, timing: await time(o.runs, o.warmup, fn) });
    }
    const load = { before: Math.round(loadBefore * 100) / 100, after: Math.round(os.loadavg()[0]! * 100) / 100 };
    return { engine, version: v!.version.split(" on ")[0]!, sizes: sizes[0]!, loadSeconds, load, results };
  } finally {
    await handle.close();
    await drop();
  }
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  log(`Machine : ${os.cpus().length} cœur(s), ${Math.round(os.totalmem() / 2 ** 30)} Gio, charge ${os.loadavg()[0]!.toFixed(2)}`);
  for (const engine of o.engines) {
    const r = await runEngine(engine, o);
    process.stdout.write(`\n### ${engine} — ${r.version}\n\n`);
    process.stdout.write(`Données : ${Object.entries(r.sizes).map(([k, n]) => `${k} ${Number(n).toLocaleString("fr-FR")}`).join(", ")} (générées en ${r.loadSeconds} s) ; charge de la machine (1 min) ${r.load.before} → ${r.load.after}\n\n`);
    process.stdout.write(`| périmètre | requête | p50 (ms) | p95 (ms) |\n|---|---|---:|---:|\n`);
    for (const x of r.results) process.stdout.write(`| ${x.scope} | ${x.query} | ${x.timing.p50} | ${x.timing.p95} |\n`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
