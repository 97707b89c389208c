import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import type { LngLat } from "../geo/point";
import { geographySql, projectedSql } from "../geo/sql";
import { formations, type FormationStatus } from "./schema";

export type FormationData = {
  externalId?: string | null;
  providerName: string;
  providerUserId?: string | null;
  title: string;
  description?: string | null;
  romeCodes: string[];
  communeInsee: string;
  point: LngLat;
  startsOn: string;
  endsOn?: string | null;
  seats?: number | null;
  status: FormationStatus;
  importHash?: string | null;
};

/** Creates or updates a formation (by id, else by external id). */
export async function saveFormation(
  db: Database,
  data: FormationData,
  existingId?: string,
): Promise<{ id: string; created: boolean }> {
  const values = {
    externalId: data.externalId ?? null,
    providerName: data.providerName,
    providerUserId: data.providerUserId ?? null,
    title: data.title,
    description: data.description ?? null,
    romeCodes: [...new Set(data.romeCodes)].sort(),
    communeInsee: data.communeInsee,
    location: geographySql(data.point) as never,
    locationProj: projectedSql(data.point) as never,
    startsOn: data.startsOn,
    endsOn: data.endsOn ?? null,
    seats: data.seats ?? null,
    status: data.status,
    importHash: data.importHash ?? null,
    updatedAt: new Date(),
  };
  let id = existingId;
  if (!id && data.externalId) {
    const [found] = await db
      .select({ id: formations.id })
      .from(formations)
      .where(eq(formations.externalId, data.externalId))
      .limit(1);
    id = found?.id;
  }
  if (id) {
    const [updated] = await db.update(formations).set(values).where(eq(formations.id, id)).returning({ id: formations.id });
    if (!updated) throw new Error(`Formation introuvable : ${id}`);
    return { id, created: false };
  }
  const [inserted] = await db.insert(formations).values(values).returning({ id: formations.id });
  return { id: inserted!.id, created: true };
}
