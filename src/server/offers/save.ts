import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import type { LngLat } from "../geo/point";
import { geographySql, projectedSql } from "../geo/sql";
import { offers, type Contract, type OfferStatus } from "./schema";

export type OfferData = {
  externalId?: string | null;
  employerId: string;
  title: string;
  romeCode: string;
  ogrCode?: number | null;
  requiredSkills: number[];
  wishedSkills?: number[];
  description?: string | null;
  communeInsee: string;
  point: LngLat;
  radiusKm: number;
  contract: Contract;
  hoursPerWeek?: number | null;
  shifts: number;
  licenceRequired: boolean;
  vehicleRequired: boolean;
  positions: number;
  startsOn: string;
  expiresOn?: string | null;
  status: OfferStatus;
  createdBy?: string | null;
  importHash?: string | null;
};

/** Creates or updates an offer (by id, else by external id). */
export async function saveOffer(db: Database, data: OfferData, existingId?: string): Promise<{ id: string; created: boolean }> {
  const values = {
    externalId: data.externalId ?? null,
    employerId: data.employerId,
    title: data.title,
    romeCode: data.romeCode,
    ogrCode: data.ogrCode ?? 0,
    requiredSkills: [...new Set(data.requiredSkills)].sort((a, b) => a - b),
    wishedSkills: [...new Set(data.wishedSkills ?? [])].sort((a, b) => a - b),
    description: data.description ?? null,
    communeInsee: data.communeInsee,
    location: geographySql(data.point) as never,
    locationProj: projectedSql(data.point) as never,
    radiusKm: data.radiusKm,
    contract: data.contract,
    hoursPerWeek: data.hoursPerWeek ?? null,
    shifts: data.shifts,
    licenceRequired: data.licenceRequired,
    vehicleRequired: data.vehicleRequired,
    positions: data.positions,
    startsOn: data.startsOn,
    expiresOn: data.expiresOn ?? null,
    status: data.status,
    createdBy: data.createdBy ?? null,
    importHash: data.importHash ?? null,
    updatedAt: new Date(),
  };
  let id = existingId;
  if (!id && data.externalId) {
    const [found] = await db.select({ id: offers.id }).from(offers).where(eq(offers.externalId, data.externalId)).limit(1);
    id = found?.id;
  }
  if (id) {
    const [updated] = await db.update(offers).set(values).where(eq(offers.id, id)).returning({ id: offers.id });
    if (!updated) throw new Error(`Offre introuvable : ${id}`);
    return { id, created: false };
  }
  const [inserted] = await db.insert(offers).values(values).returning({ id: offers.id });
  return { id: inserted!.id, created: true };
}

/** An offer is open to matching while published and not past its expiry date. */
export const offerIsOpenSql = sql`o.status = 'published' and (o.expires_on is null or o.expires_on >= current_date)`;
