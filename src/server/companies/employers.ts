import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client";
import type { LngLat } from "../geo/point";
import { geographySql } from "../geo/sql";
import { employers, type OrganisationKind } from "./schema";

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
    .select({ id: employers.id })
    .from(employers)
    .where(siret ? eq(employers.siret, siret) : and(isNull(employers.siret), eq(employers.name, data.name)))
    .limit(1);
  if (found) return found.id;
  const [created] = await db
    .insert(employers)
    .values({
      kind: data.kind ?? "company",
      siret,
      name: data.name,
      communeInsee: data.communeInsee ?? null,
      location: data.point ? (geographySql(data.point) as never) : null,
    })
    .onConflictDoNothing()
    .returning({ id: employers.id });
  if (created) return created.id;
  // Lost a race on the SIRET: the other writer created it.
  const [again] = await db.select({ id: employers.id }).from(employers).where(eq(employers.siret, siret!)).limit(1);
  return again!.id;
}
