import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client";
import type { LngLat } from "../geo/point";
import { geographySql } from "../geo/sql";
import { organisations, type OrganisationKind } from "./schema";

export type EmployerData = {
  kind?: OrganisationKind;
  siret?: string | null;
  name: string;
  communeInsee?: string | null;
  point?: LngLat | null;
};

/** Finds an employer by SIRET (or, without one, by exact name) or creates it. */
export async function upsertEmployer(db: Database, data: EmployerData): Promise<string> {
  const siret = data.siret?.replace(/\s/g, "") || null;
  const [found] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(siret ? eq(organisations.siret, siret) : and(isNull(organisations.siret), eq(organisations.name, data.name)))
    .limit(1);
  if (found) return found.id;
  const [created] = await db
    .insert(organisations)
    .values({
      kind: data.kind ?? "company",
      siret,
      name: data.name,
      communeInsee: data.communeInsee ?? null,
      location: data.point ? (geographySql(data.point) as never) : null,
    })
    .onConflictDoNothing()
    .returning({ id: organisations.id });
  if (created) return created.id;
  // Lost a race on the SIRET: the other writer created it.
  const [again] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.siret, siret!)).limit(1);
  return again!.id;
}
