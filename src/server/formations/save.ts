import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import type { LngLat } from "../geo/point";
import { geographySql, projectedSql } from "../geo/sql";
import { formations, type FormationStatus } from "./schema";

export type FormationData = {
  externalId?: string | null;
  providerName: string;
  providerUserId?: string | null;
  /** the organisation managing it; undefined keeps the stored one on update (imports leave it alone) */
  organisationId?: string | null;
  title: string;
  description?: string | null;
  romeCodes: string[];
  communeInsee: string;
  point: LngLat;
  startsOn: string;
  endsOn?: string | null;
  seats?: number | null;
  /** undefined keeps the stored value on update (as organisationId) */
  prerequisites?: string | null;
  costEuros?: number | null;
  funding?: string | null;
  /** who saved it (named in a later conflict message); undefined keeps the stored one */
  updatedBy?: string | null;
  status: FormationStatus;
  importHash?: string | null;
};

export type SaveFormationOptions = {
  /**
   * Optimistic concurrency: the version the writer read. The update only happens when the
   * row still has it; otherwise someone else saved in between and a CONFLICT is thrown
   * (their changes are kept, the writer's are not written).
   */
  expectedVersion?: number;
};

export const FORMATION_CONFLICT_MESSAGE =
  "Quelqu'un d'autre a modifié cette formation pendant que vous la modifiiez. Ses changements n'ont pas été écrasés " +
  "et les vôtres n'ont pas été enregistrés : rechargez la page pour voir la dernière version, puis refaites vos changements.";

/** Creates or updates a formation (by id, else by external id). Every update bumps its version. */
export async function saveFormation(
  db: Database,
  data: FormationData,
  existingId?: string,
  opts: SaveFormationOptions = {},
): Promise<{ id: string; created: boolean; version: number }> {
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
  // Columns the platform's own forms write: only touched when given.
  const managed: Partial<typeof formations.$inferInsert> = {};
  if (data.organisationId !== undefined) managed.organisationId = data.organisationId;
  if (data.prerequisites !== undefined) managed.prerequisites = data.prerequisites;
  if (data.costEuros !== undefined) managed.costEuros = data.costEuros;
  if (data.funding !== undefined) managed.funding = data.funding;
  if (data.updatedBy !== undefined) managed.updatedBy = data.updatedBy;

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
    const where =
      opts.expectedVersion === undefined
        ? eq(formations.id, id)
        : and(eq(formations.id, id), eq(formations.version, opts.expectedVersion));
    const [updated] = await db
      .update(formations)
      .set({ ...values, ...managed, version: sql`${formations.version} + 1` })
      .where(where)
      .returning({ id: formations.id, version: formations.version });
    if (!updated) {
      if (opts.expectedVersion !== undefined) {
        const [still] = await db.select({ id: formations.id }).from(formations).where(eq(formations.id, id)).limit(1);
        if (still) throw new TRPCError({ code: "CONFLICT", message: FORMATION_CONFLICT_MESSAGE });
      }
      throw new Error(`Formation introuvable : ${id}`);
    }
    return { id, created: false, version: updated.version };
  }
  const [inserted] = await db
    .insert(formations)
    .values({ ...values, ...managed })
    .returning({ id: formations.id, version: formations.version });
  return { id: inserted!.id, created: true, version: inserted!.version };
}
