import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import type { LngLat } from "../geo/point";
import { geographySql, projectedSql } from "../geo/sql";
import {
  beneficiaryProfiles,
  profileFormations,
  profileJobs,
  profileMatchPoints,
  type DrivingLicence,
  type TravelMode,
} from "./schema";

export type ProfileJob = { kind: "sought" | "done"; romeCode: string; ogrCode?: number | null; label: string; years?: number | null };
export type ProfileFormation = { formationId?: string | null; title: string; romeCodes: string[]; year?: number | null; completed?: boolean };

/** Everything a profile holds, already validated (places resolved, job codes known). */
export type ProfileData = {
  userId?: string | null;
  externalId?: string | null;
  firstName: string;
  lastName: string;
  email?: string | null;
  phone?: string | null;
  communeInsee: string;
  point: LngLat;
  preciseLocation: boolean;
  travelModes: TravelMode[];
  maxDistanceKm: number;
  drivingLicence: DrivingLicence;
  hasVehicle: boolean;
  availableFrom?: string | null;
  shifts: number;
  fullTime?: boolean | null;
  seeking: boolean;
  visibleToEmployers: boolean;
  territoryCode?: string | null;
  adviserId?: string | null;
  skillCodes: number[];
  jobs: ProfileJob[];
  formations?: ProfileFormation[];
  about?: string | null;
  importHash?: string | null;
  /** wizard steps saved so far; left as stored when absent */
  stepsDone?: string[];
};

const unique = <T>(xs: T[]) => [...new Set(xs)];

/** The ROME hierarchy of a set of job codes: codes, professional domains, large domains. */
export function jobHierarchy(romeCodes: string[]) {
  const codes = unique(romeCodes).sort();
  return {
    romeCodes: codes,
    domainCodes: unique(codes.map((c) => c.slice(0, 3))).sort(),
    largeDomains: unique(codes.map((c) => c.slice(0, 1))).sort(),
  };
}

/**
 * Creates or updates a profile (by id, else by external id) with its jobs and formations,
 * and rewrites what the matcher reads, all in one transaction. Returns the id and whether
 * it was created.
 */
export async function saveProfile(
  db: Database,
  data: ProfileData,
  existingId?: string,
): Promise<{ id: string; created: boolean }> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const formations = data.formations ?? [];
    const hierarchy = jobHierarchy(data.jobs.map((j) => j.romeCode));
    const values = {
      userId: data.userId ?? null,
      externalId: data.externalId ?? null,
      firstName: data.firstName,
      lastName: data.lastName,
      email: data.email ?? null,
      phone: data.phone ?? null,
      communeInsee: data.communeInsee,
      location: sql`${geographySql(data.point)}` as never,
      locationProj: projectedSql(data.point) as never,
      preciseLocation: data.preciseLocation,
      travelModes: unique(data.travelModes),
      maxDistanceKm: data.maxDistanceKm,
      drivingLicence: data.drivingLicence,
      hasVehicle: data.hasVehicle,
      availableFrom: data.availableFrom ?? null,
      shifts: data.shifts,
      fullTime: data.fullTime ?? null,
      seeking: data.seeking,
      visibleToEmployers: data.visibleToEmployers,
      visibilityConsentAt: data.visibleToEmployers ? new Date() : null,
      territoryCode: data.territoryCode ?? null,
      adviserId: data.adviserId ?? null,
      skillCodes: unique(data.skillCodes).sort((a, b) => a - b),
      ...hierarchy,
      formationRomeCodes: unique(formations.flatMap((f) => f.romeCodes)).sort(),
      about: data.about ?? null,
      importHash: data.importHash ?? null,
      ...(data.stepsDone ? { stepsDone: data.stepsDone } : {}),
      updatedAt: new Date(),
    };

    let id = existingId;
    if (!id && data.externalId) {
      const [found] = await tx
        .select({ id: beneficiaryProfiles.id })
        .from(beneficiaryProfiles)
        .where(eq(beneficiaryProfiles.externalId, data.externalId))
        .limit(1);
      id = found?.id;
    }
    let created = false;
    if (id) {
      const [updated] = await tx
        .update(beneficiaryProfiles)
        // Consent to be shown to employers keeps the date it was first given; withdrawn, it is cleared.
        .set({
          ...values,
          visibilityConsentAt: (data.visibleToEmployers
            ? sql`coalesce(${beneficiaryProfiles.visibilityConsentAt}, now())`
            : null) as never,
        })
        .where(eq(beneficiaryProfiles.id, id))
        .returning({ id: beneficiaryProfiles.id });
      if (!updated) throw new Error(`Profil introuvable : ${id}`);
    } else {
      const [inserted] = await tx.insert(beneficiaryProfiles).values(values).returning({ id: beneficiaryProfiles.id });
      id = inserted!.id;
      created = true;
    }

    await tx.delete(profileJobs).where(eq(profileJobs.profileId, id));
    const jobRows = dedupeJobs(data.jobs).map((j) => ({
      profileId: id!,
      kind: j.kind,
      romeCode: j.romeCode,
      ogrCode: j.ogrCode ?? 0,
      label: j.label,
      years: j.years ?? null,
    }));
    if (jobRows.length) await tx.insert(profileJobs).values(jobRows);

    await tx.delete(profileFormations).where(eq(profileFormations.profileId, id));
    if (formations.length) {
      await tx.insert(profileFormations).values(
        formations.map((f) => ({
          profileId: id!,
          formationId: f.formationId ?? null,
          title: f.title,
          romeCodes: f.romeCodes,
          year: f.year ?? null,
          completed: f.completed ?? true,
        })),
      );
    }
    await refreshMatchPoints(tx, id);
    return { id, created };
  });
}

function dedupeJobs(jobs: ProfileJob[]): ProfileJob[] {
  const seen = new Map<string, ProfileJob>();
  for (const j of jobs) seen.set(`${j.kind}:${j.romeCode}:${j.ogrCode ?? 0}`, j);
  return [...seen.values()];
}

// The matcher's rows hold the COMMUNE's reference point, never the precise point a person
// gave: everything an organisation can learn from candidates (distances, distance filters,
// the proximity part of the score) then says no more than the commune it is shown anyway.
// The person's own matching (offers and formations near them) reads beneficiary_profiles and
// keeps their precise point. A profile whose commune is not in the referential has no point
// to show and is not listed (the imports and the wizard only store known communes).
const matchPointsSelect = sql`
  insert into profile_match_points (profile_id, large_domain, point, location, max_distance_km, has_licence,
    has_vehicle, available_from, shifts, rome_codes, domain_codes, skill_codes, formation_rome_codes)
  select p.id, d, ST_Transform(c.location::geometry, ST_SRID(p.location_proj)), c.location, p.max_distance_km,
    p.driving_licence in ('B', 'other'), -- a licence an offer requiring one accepts
    p.has_vehicle, p.available_from, p.shifts, p.rome_codes, p.domain_codes, p.skill_codes, p.formation_rome_codes
  from beneficiary_profiles p join communes c on c.insee = p.commune_insee, unnest(p.large_domains) as d
  where p.status = 'active' and p.seeking and p.visible_to_employers`;

/**
 * Rewrites the rows the matcher scans for one profile: one per large domain when the
 * profile is active, seeking and visible to employers; none otherwise.
 */
export async function refreshMatchPoints(db: Database, profileId: string): Promise<void> {
  await db.delete(profileMatchPoints).where(eq(profileMatchPoints.profileId, profileId));
  await db.execute(sql`${matchPointsSelect} and p.id = ${profileId}`);
}

/** The same for every profile at once (after a bulk load or a change of projection). */
export async function rebuildAllMatchPoints(db: Database): Promise<void> {
  await db.execute(sql`delete from profile_match_points`);
  // Written in (domain, geohash) order: the rows one dense-city query reads share few pages.
  await db.execute(sql`${matchPointsSelect} order by d, ST_GeoHash(c.location::geometry, 8)`);
}
