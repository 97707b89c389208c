// Benchmark of the PostgreSQL search engine: `npm run bench:search -- --offers 100000`.
//
// For each engine (PGlite in memory; PostgreSQL in a database <name>_bench_search created and
// dropped here, from BENCH_DATABASE_URL / DATABASE_URL or the local server): migrate, load the
// communes and the ROME referential, insert N offers in one generated INSERT (the search
// triggers build their N documents in the same statement, as a CSV import would), ANALYZE,
// then time the engine (src/server/search/postgres.ts) on typical queries: p50/p95 over --runs.
// Results: a table on standard output, progress on standard error.
//
// Options: --offers N (default 100000)   --runs N (default 30)   --warmup N (default 3)
//          --engines pglite,postgres   --keep (leave the PostgreSQL database for EXPLAIN)

import { log, openBenchDatabase, secs, time, type Timing } from "./bench-lib";
import os from "node:os";
import { sql } from "drizzle-orm";
import { queryRows, type DatabaseHandle, type Engine } from "../src/server/db/client";
import { migrateDatabase } from "../src/server/db/migrate";
import { loadInstanceConfig } from "../src/server/config/config";
import { importCommunes, importRome } from "../src/server/referentials/import";
import { createPostgresEngine } from "../src/server/search/postgres";
import type { SearchQuery } from "../src/server/search/types";

type Options = { offers: number; runs: number; warmup: number; engines: Engine[]; keep: boolean };

function parseArgs(argv: string[]): Options {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i < 0 ? undefined : argv[i + 1];
  };
  const int = (name: string, dflt: number, min: number) => {
    const v = get(name);
    const n = v === undefined ? dflt : Number(v.replace(/_/g, ""));
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} attend un entier ≥ ${min}`);
    return n;
  };
  const engines = (get("engines") ?? "pglite,postgres").split(",") as Engine[];
  for (const e of engines) if (e !== "pglite" && e !== "postgres") throw new Error(`moteur inconnu : ${e}`);
  return { offers: int("offers", 100_000, 100), runs: int("runs", 30, 1), warmup: int("warmup", 3, 0), engines, keep: argv.includes("--keep") };
}





/** Job titles as employers write them, with their ROME job (the document adds its label). */
const TITLES: Array<[string, string]> = [
  ["Cariste", "N1101"], ["Aide à domicile", "K1304"], ["Boulanger", "D1102"], ["Agent d'entretien — ménage", "K2204"],
  ["Aide-soignant de nuit", "J1501"], ["Vendeur en boulangerie", "D1106"], ["Serveur en restauration", "G1803"],
  ["Préparateur de commandes", "N1103"], ["Maçon", "F1703"], ["Électricien du bâtiment", "F1602"],
  ["Agent de sécurité", "K2503"], ["Auxiliaire de vie", "K1302"], ["Cuisinier", "G1602"], ["Chauffeur livreur", "N4105"],
  ["Employé libre-service", "D1507"], ["Jardinier paysagiste", "A1203"], ["Manutentionnaire", "N1105"],
  ["Secrétaire médicale", "M1609"], ["Comptable", "M1203"], ["Mécanicien automobile", "I1604"],
];
const CONTRACTS = ["cdi", "cdd", "interim", "insertion", "apprenticeship", "seasonal"];

async function generate(handle: DatabaseHandle, n: number, srid: number) {
  const db = handle.db;
  const step = async (label: string, q: ReturnType<typeof sql>) => {
    const t0 = performance.now();
    await db.execute(q);
    const s = secs(performance.now() - t0);
    log(`  ${label} (${s} s)`);
    return s;
  };
  const titles = sql.join(TITLES.map(([t, r]) => sql`(${t}, ${r})`), sql`, `);
  await step("2 000 employeurs", sql`
    insert into employers (kind, name, commune_insee, location)
    select 'company', (array['Boulangerie', 'Entrepôts', 'Services', 'Propreté', 'Transports', 'Restaurant', 'Garage', 'Cabinet'])[1 + g % 8]
        || ' ' || (array['du Centre', 'de la Loire', 'Martin', 'Durand', 'du Val', 'Solognote', 'Beauceron', 'des Coteaux'])[1 + (g / 8) % 8] || ' ' || g,
      null, null
    from generate_series(0, 1999) g`);
  // three offers in four in the 300 first communes (the instance's département first), the rest
  // anywhere in the region; every title everywhere (the commune is picked from g / titles)
  await db.execute(sql`create table bench_c as
    select (row_number() over (order by (c.departement <> '41'), c.insee) - 1)::int as i, c.insee, c.location
    from communes c where c.departement in ('41', '37', '45', '18', '36', '28', '72')`);
  const [{ nc }] = (await queryRows<{ nc: number }>(db, sql`select count(*)::int as nc from bench_c`)) as [{ nc: number }];
  const seconds = await step(`${n} offres et leurs documents de recherche (déclencheurs)`, sql`
    with e as (select array_agg(id order by id) as ids from employers),
    t as (select (row_number() over () - 1)::int as i, title, rome from (values ${titles}) v(title, rome))
    insert into offers (employer_id, title, rome_code, description, commune_insee, location, location_proj, radius_km, contract, starts_on, expires_on, status)
    select e.ids[1 + g % cardinality(e.ids)], t.title, t.rome,
      'Poste à pourvoir rapidement, équipe accueillante, horaires ' || (array['de jour', 'de nuit', 'en journée continue'])[1 + g % 3] || '.',
      c.insee, c.location, ST_Transform(c.location::geometry, ${srid}::int), 30,
      (array[${sql.join(CONTRACTS.map((x) => sql`${x}`), sql`, `)}])[1 + (g / 20) % ${CONTRACTS.length}::int],
      current_date + (g % 90), case when g % 10 = 0 then current_date + 60 end,
      case when g % 25 = 0 then 'closed' else 'published' end
    from generate_series(0, ${n - 1}::int) g
    cross join e
    join t on t.i = g % ${TITLES.length}::int
    join bench_c c on c.i = (case when g % 4 = 0 then ((g / ${TITLES.length}::int) * 7919) % ${nc}::int else ((g / ${TITLES.length}::int) * 31) % least(${nc}::int, 300) end)`);
  await db.execute(sql`drop table bench_c`);
  await db.execute(sql`analyze`);
  return seconds;
}



async function runEngine(engine: Engine, o: Options) {
  log(`${engine} : ouverture`);
  const { handle, drop } = await openBenchDatabase(engine, "search", o.keep);
  const db = handle.db;
  try {
    const t0 = performance.now();
    await migrateDatabase(handle);
    await importCommunes(db);
    await importRome(db);
    log(`  schéma, communes, ROME (${secs(performance.now() - t0)} s)`);
    const loadSeconds = await generate(handle, o.offers, loadInstanceConfig().projectedSrid);
    const [v] = await queryRows<{ version: string }>(db, sql`select version() as version`);
    const [sizes] = await queryRows<{ offers: number; documents: number }>(
      db,
      sql`select (select count(*) from offers)::int as offers, (select count(*) from search_documents where kind = 'offers')::int as documents`,
    );
    const [blois] = await queryRows<{ lat: number; lng: number }>(
      db,
      sql`select ST_Y(location::geometry) as lat, ST_X(location::geometry) as lng from communes where insee = '41018'`,
    );
    const near10 = { lat: Number(blois!.lat), lng: Number(blois!.lng), radiusKm: 10 };
    const searchEngine = createPostgresEngine(db);
    const queries: Array<[string, SearchQuery]> = [
      ["« cariste »", { text: "cariste" }],
      ["« cariste », 10 km de Blois", { text: "cariste", near: near10 }],
      ["« aide a domicile »", { text: "aide a domicile" }],
      ["« aide a domicile », 10 km de Blois", { text: "aide a domicile", near: near10 }],
      ["« boulanjer » (faute de frappe)", { text: "boulanjer" }],
      ["« boulanjer », 10 km de Blois", { text: "boulanjer", near: near10 }],
      ["« ménage blois »", { text: "ménage blois" }],
      ["« ménage blois », 10 km de Blois", { text: "ménage blois", near: near10 }],
      ["vide, 10 km de Blois (parcourir)", { text: "", near: near10 }],
      ["vide, toute l'instance (parcourir)", { text: "" }],
      ["« cariste », contrat intérim, page 3", { text: "cariste", contracts: ["interim"], offset: 40 }],
    ];
    const results: Array<{ query: string; total: number; timing: Timing }> = [];
    for (const [label, query] of queries) {
      const first = await searchEngine.searchOffers(query);
      results.push({ query: label, total: first.total, timing: await time(o.runs, o.warmup, () => searchEngine.searchOffers(query)) });
      log(`  ${label} : ${first.total} résultats, p95 ${results.at(-1)!.timing.p95} ms`);
    }
    return { engine, version: v!.version.split(" on ")[0]!.split(",")[0]!, sizes: sizes!, loadSeconds, results };
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
    process.stdout.write(
      `Données : ${r.sizes.offers.toLocaleString("fr-FR")} offres, ${r.sizes.documents.toLocaleString("fr-FR")} documents de recherche (insérées avec leurs documents en ${r.loadSeconds} s) ; ${o.runs} mesures après ${o.warmup} d'échauffement\n\n`,
    );
    process.stdout.write(`| requête | résultats | p50 (ms) | p95 (ms) |\n|---|---:|---:|---:|\n`);
    for (const x of r.results) process.stdout.write(`| ${x.query} | ${x.total} | ${x.timing.p50} | ${x.timing.p95} |\n`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
