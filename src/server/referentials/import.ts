import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { getTableColumns, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { queryRows, type Database } from "../db/client";
import { csvObjects, parseCsv } from "../lib/csv";
import { searchText } from "../lib/text";
import {
  communePostcodes,
  communes,
  referenceImports,
  romeDomains,
  romeJobSkills,
  romeJobs,
  romeJobTitles,
  romeSkills,
} from "./schema";

export const DATA_DIR = path.resolve(process.cwd(), "data");

const ROME_FILES = {
  jobs: "rome/unix_referentiel_code_rome_v460_utf8.csv",
  titles: "rome/unix_referentiel_appellation_v460_utf8.csv",
  skills: "rome/unix_referentiel_competence_v460_utf8.csv",
  knowledge: "rome/unix_referentiel_savoir_v460_utf8.csv",
  links: "rome/unix_liens_rome_referentiels_v460_utf8.csv",
  domains: "rome/unix_domaine_professionnel_v460_utf8.csv",
  largeDomains: "rome/unix_grand_domaine_v460_utf8.csv",
} as const;

/** ROME link block holding a job sheet's skills and knowledge items. */
const SKILLS_BLOCK = "5";
/** Parameters per insert statement (PostgreSQL allows 65,535; PGlite is fastest at a few thousand). */
const MAX_PARAMS = 10_000;

export type ReferenceImportReport = Record<"communes" | "rome", { rows: number; skipped: boolean }>;

function read(dataDir: string, file: string): string {
  return readFileSync(path.join(dataDir, file), "utf8");
}

function checksum(texts: string[]): string {
  const h = createHash("sha256");
  for (const t of texts) h.update(t);
  return h.digest("hex");
}

async function insertBatches<T extends object>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  const size = Math.max(1, Math.floor(MAX_PARAMS / Math.max(1, Object.keys(rows[0] ?? {}).length)));
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

async function alreadyLoaded(db: Database, dataset: string, sum: string): Promise<boolean> {
  const r = await queryRows<{ checksum: string }>(db, 
    sql`select checksum from reference_imports where dataset = ${dataset}`,
  );
  return r[0]?.checksum === sum;
}

async function markLoaded(db: Database, dataset: string, sum: string, rows: number) {
  await db
    .insert(referenceImports)
    .values({ dataset, checksum: sum, rows, importedAt: new Date().toISOString() })
    .onConflictDoUpdate({
      target: referenceImports.dataset,
      set: { checksum: sum, rows, importedAt: new Date().toISOString() },
    });
}

export function parseCommunes(text: string) {
  return csvObjects(parseCsv(text, ";")).map((r) => {
    const lat = Number(r.latitude);
    const lng = Number(r.longitude);
    if (!r.insee || !r.nom || !Number.isFinite(lat) || !Number.isFinite(lng)) {
      throw new Error(`Ligne de commune invalide : ${JSON.stringify(r)}`);
    }
    return {
      insee: r.insee,
      name: r.nom,
      searchName: searchText(r.nom),
      departement: r.departement ?? "",
      postcodes: (r.codes_postaux ?? "").split(",").map((p) => p.trim()).filter(Boolean),
      population: Number(r.population) || 0,
      location: { lng, lat },
    };
  });
}

/** Loads (or refreshes) communes; every step in one transaction, skipped when unchanged. */
export async function importCommunes(db: Database, dataDir = DATA_DIR, force = false) {
  const text = read(dataDir, "communes.csv");
  const sum = checksum([text]);
  if (!force && (await alreadyLoaded(db, "communes", sum))) return { rows: 0, skipped: true };
  const rows = parseCommunes(text);
  await db.transaction(async (tx) => {
    await insertBatches(rows, (batch) =>
      tx
        .insert(communes)
        .values(batch)
        .onConflictDoUpdate({
          target: communes.insee,
          set: {
            name: sql`excluded.name`,
            searchName: sql`excluded.search_name`,
            departement: sql`excluded.departement`,
            postcodes: sql`excluded.postcodes`,
            population: sql`excluded.population`,
            location: sql`excluded.location`,
          },
        }),
    );
    await tx.delete(communePostcodes);
    const pairs = rows.flatMap((c) => c.postcodes.map((postcode) => ({ postcode, insee: c.insee })));
    await insertBatches(pairs, (batch) => tx.insert(communePostcodes).values(batch).onConflictDoNothing());
    await markLoaded(tx as unknown as Database, "communes", sum, rows.length);
  });
  return { rows: rows.length, skipped: false };
}

/** Loads the ROME 4.0 referential: domains, job sheets, job titles, skills, knowledge, links. */
export async function importRome(db: Database, dataDir = DATA_DIR, force = false) {
  const texts = Object.fromEntries(
    Object.entries(ROME_FILES).map(([k, f]) => [k, read(dataDir, f)]),
  ) as Record<keyof typeof ROME_FILES, string>;
  const sum = checksum(Object.values(texts));
  if (!force && (await alreadyLoaded(db, "rome", sum))) return { rows: 0, skipped: true };

  const rows = (k: keyof typeof ROME_FILES) => csvObjects(parseCsv(texts[k], ","));
  const domains = [
    ...rows("largeDomains").map((r) => ({ code: r.code_grand_domaine!, label: r.libelle_grand_domaine!, level: 1 })),
    ...rows("domains").map((r) => ({
      code: r.code_domaine_professionnel!,
      label: r.libelle_domaine_professionnel!,
      level: 2,
    })),
  ];
  const jobs = rows("jobs").map((r) => ({ code: r.code_rome!, label: r.libelle_rome!, ogrCode: Number(r.code_ogr) }));
  const jobCodes = new Set(jobs.map((j) => j.code));
  const titles = rows("titles")
    .filter((r) => jobCodes.has(r.code_rome!))
    .map((r) => ({
      ogrCode: Number(r.code_ogr),
      label: r.libelle_appellation_long!,
      shortLabel: r.libelle_appellation_court || r.libelle_appellation_long!,
      searchLabel: searchText(r.libelle_appellation_long!),
      romeCode: r.code_rome!,
      principal: r.classification === "PRINCIPALE" ? 1 : 0,
      rarelyUsed: r.peu_usite === "O" ? 1 : 0,
    }));
  // Savoir-être are macro-skills of their own category; the other macro-skills are broad
  // savoir-faire ("Réaliser des soins d'hygiène…") that job sheets list directly.
  const skillKind = (nature: string, category: string) =>
    category === "Savoir-être professionnel" ? "soft_skill" : nature === "Macro-compétence" ? "macro_skill" : "skill";
  const skills = [
    ...rows("skills").map((r) => ({
      ogrCode: Number(r.code_ogr),
      kind: skillKind(r.nature!, r.cat_comp!),
      label: r.libelle_competence!,
      category: r.cat_comp || r.nature!,
      searchLabel: searchText(r.libelle_competence!),
    })),
    ...rows("knowledge").map((r) => ({
      ogrCode: Number(r.code_ogr_savoir),
      kind: "knowledge",
      label: r.libelle_savoir!,
      category: r.categorie_savoir!,
      searchLabel: searchText(r.libelle_savoir!),
    })),
  ];
  const skillCodes = new Set(skills.map((s) => s.ogrCode));
  const seenLinks = new Set<string>();
  const links = rows("links")
    .filter((r) => r.code_compo_bloc === SKILLS_BLOCK && jobCodes.has(r.code_rome!) && skillCodes.has(Number(r.code_ogr)))
    .map((r) => ({ romeCode: r.code_rome!, skillCode: Number(r.code_ogr) }))
    .filter((l) => {
      const key = `${l.romeCode}:${l.skillCode}`;
      if (seenLinks.has(key)) return false;
      seenLinks.add(key);
      return true;
    });

  await db.transaction(async (tx) => {
    // Upsert by primary key, refreshing the listed columns from the incoming row.
    const upsert = (table: PgTable, data: object[], cols: string[]) => {
      const columns = getTableColumns(table);
      const target = Object.values(columns).find((c) => c.primary)!;
      const set = Object.fromEntries(cols.map((c) => [c, sql.raw(`excluded."${columns[c]!.name}"`)]));
      return insertBatches(data, (batch) =>
        tx.insert(table).values(batch as never).onConflictDoUpdate({ target, set }),
      );
    };
    await upsert(romeDomains, domains, ["label", "level"]);
    await upsert(romeJobs, jobs, ["label", "ogrCode"]);
    await upsert(romeJobTitles, titles, [
      "label",
      "shortLabel",
      "searchLabel",
      "romeCode",
      "principal",
      "rarelyUsed",
    ]);
    await upsert(romeSkills, skills, ["kind", "label", "category", "searchLabel"]);
    // Links are a pure function of the files: replace them wholesale.
    await tx.delete(romeJobSkills);
    await insertBatches(links, (batch) => tx.insert(romeJobSkills).values(batch));
    await markLoaded(tx as unknown as Database, "rome", sum, titles.length);
  });
  return { rows: jobs.length + titles.length + skills.length + links.length, skipped: false };
}

export async function importReferenceData(db: Database, opts: { dataDir?: string; force?: boolean } = {}) {
  const report: ReferenceImportReport = {
    communes: await importCommunes(db, opts.dataDir, opts.force),
    rome: await importRome(db, opts.dataDir, opts.force),
  };
  return report;
}
