import { TRPCError } from "@trpc/server";
import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import type { ProfileData } from "./save";
import { beneficiaryProfiles, profileFormations, profileJobs } from "./schema";

export type StoredProfile = ProfileData & {
  id: string;
  status: "active" | "archived";
  visibilityConsentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** A profile as its owner and the forms see it: every field, jobs and formations included. */
export async function loadProfile(db: Database, profileId: string): Promise<StoredProfile | null> {
  const [p] = await db
    .select({
      row: beneficiaryProfiles,
      lat: sql<number>`ST_Y(${beneficiaryProfiles.location}::geometry)`,
      lng: sql<number>`ST_X(${beneficiaryProfiles.location}::geometry)`,
    })
    .from(beneficiaryProfiles)
    .where(eq(beneficiaryProfiles.id, profileId))
    .limit(1);
  if (!p) return null;
  const jobs = await db
    .select()
    .from(profileJobs)
    .where(eq(profileJobs.profileId, profileId))
    .orderBy(asc(profileJobs.kind), asc(profileJobs.label));
  const formations = await db
    .select()
    .from(profileFormations)
    .where(eq(profileFormations.profileId, profileId))
    .orderBy(asc(profileFormations.year), asc(profileFormations.title));
  const r = p.row;
  return {
    id: r.id,
    status: r.status,
    visibilityConsentAt: r.visibilityConsentAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    userId: r.userId,
    externalId: r.externalId,
    firstName: r.firstName,
    lastName: r.lastName,
    email: r.email,
    phone: r.phone,
    communeInsee: r.communeInsee,
    point: { lat: Number(p.lat), lng: Number(p.lng) },
    preciseLocation: r.preciseLocation,
    travelModes: r.travelModes as ProfileData["travelModes"],
    maxDistanceKm: r.maxDistanceKm,
    drivingLicence: r.drivingLicence,
    hasVehicle: r.hasVehicle,
    availableFrom: r.availableFrom,
    shifts: r.shifts,
    fullTime: r.fullTime,
    seeking: r.seeking,
    visibleToEmployers: r.visibleToEmployers,
    territoryCode: r.territoryCode,
    adviserId: r.adviserId,
    skillCodes: r.skillCodes,
    jobs: jobs.map((j) => ({ kind: j.kind, romeCode: j.romeCode, ogrCode: j.ogrCode || null, label: j.label, years: j.years })),
    formations: formations.map((f) => ({
      formationId: f.formationId,
      title: f.title,
      romeCodes: f.romeCodes,
      year: f.year,
      completed: f.completed,
    })),
    about: r.about,
    importHash: r.importHash,
    stepsDone: r.stepsDone,
  };
}

export async function profileIdOfUser(db: Database, userId: string): Promise<string | null> {
  const [p] = await db
    .select({ id: beneficiaryProfiles.id })
    .from(beneficiaryProfiles)
    .where(eq(beneficiaryProfiles.userId, userId))
    .limit(1);
  return p?.id ?? null;
}

/** The signed-in beneficiary's own profile id (they must have started their CV). */
export async function ownProfileId(db: Database, userId: string): Promise<string> {
  const id = await profileIdOfUser(db, userId);
  if (!id) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Commencez par remplir votre CV." });
  return id;
}
