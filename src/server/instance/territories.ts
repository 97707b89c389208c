import { createRequire } from "node:module";
import { eq, notInArray } from "drizzle-orm";
import type { Database } from "../db/client";
import type { InstanceConfig } from "../config/config";
import { territories, territoryCommunes } from "./schema";

type DecoupageCommune = { code: string; type: string; arrondissement?: string; departement: string };
type DecoupageEpci = { code: string; membres: Array<{ code: string }> };

export class TerritoryConfigError extends Error {}

/**
 * Turns each configured territory (communes, EPCI or arrondissements) into its list of INSEE
 * codes, using @etalab/decoupage-administratif for EPCI and arrondissement membership.
 * Every commune of the instance's départements must fall in exactly one territory.
 */
export function resolveTerritories(config: InstanceConfig): Map<string, string[]> {
  const require = createRequire(import.meta.url);
  const allCommunes = require("@etalab/decoupage-administratif/data/communes.json") as DecoupageCommune[];
  const epcis = require("@etalab/decoupage-administratif/data/epci.json") as DecoupageEpci[];
  const current = allCommunes.filter((c) => c.type === "commune-actuelle");
  const inInstance = new Set(current.filter((c) => config.departements.includes(c.departement)).map((c) => c.code));
  const epciByCode = new Map(epcis.map((e) => [e.code, e]));

  const result = new Map<string, string[]>();
  const owner = new Map<string, string>();
  for (const t of config.territories) {
    const codes = new Set<string>(t.communes ?? []);
    for (const e of t.epci ?? []) {
      const epci = epciByCode.get(e);
      if (!epci) throw new TerritoryConfigError(`Territoire ${t.code} : EPCI ${e} inconnu`);
      for (const m of epci.membres) if (inInstance.has(m.code)) codes.add(m.code);
    }
    for (const a of t.arrondissements ?? []) {
      for (const c of current) if (c.arrondissement === a) codes.add(c.code);
    }
    for (const code of codes) {
      const other = owner.get(code);
      if (other) throw new TerritoryConfigError(`La commune ${code} est dans deux territoires : ${other} et ${t.code}`);
      owner.set(code, t.code);
    }
    result.set(t.code, [...codes].sort());
  }
  const orphans = [...inInstance].filter((c) => !owner.has(c));
  if (orphans.length > 0) {
    throw new TerritoryConfigError(`Communes sans territoire : ${orphans.slice(0, 10).join(", ")}${orphans.length > 10 ? "…" : ""}`);
  }
  return result;
}

/** Writes the instance's territories into the database (replacing the previous ones). */
export async function syncTerritories(db: Database, config: InstanceConfig) {
  const resolved = resolveTerritories(config);
  await db.transaction(async (tx) => {
    await tx.delete(territoryCommunes);
    const wanted = config.territories.map((t) => t.code);
    await tx.delete(territories).where(notInArray(territories.code, wanted));
    for (const t of config.territories) {
      await tx.insert(territories).values({ code: t.code, name: t.name }).onConflictDoUpdate({
        target: territories.code,
        set: { name: t.name },
      });
      const rows = resolved.get(t.code)!.map((insee) => ({ territoryCode: t.code, insee }));
      if (rows.length) await tx.insert(territoryCommunes).values(rows);
    }
  });
  return { territories: config.territories.length, communes: [...resolved.values()].reduce((n, l) => n + l.length, 0) };
}

export async function territoryOfCommune(db: Database, insee: string): Promise<string | null> {
  const rows = await db
    .select({ code: territoryCommunes.territoryCode })
    .from(territoryCommunes)
    .where(eq(territoryCommunes.insee, insee))
    .limit(1);
  return rows[0]?.code ?? null;
}
