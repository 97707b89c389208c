// Import of a caseload: one beneficiary profile per line, updated by external_id.
import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { loadInstanceConfig } from "../config/config";
import { phoneRegionForTimeZone } from "../../lib/phone";
import { saveProfile, type ProfileData } from "../profiles/save";
import { beneficiaryProfiles, profileFormations, profileJobs } from "../profiles/schema";
import {
  parseDate,
  parseDistanceKm,
  parseDrivingLicence,
  parseEmail,
  parsePhone,
  parseShifts,
  parseText,
  parseTravelModes,
  parseYesNo,
} from "./fields";
import { importHash, PLACE_COLUMNS, PLACE_REQUIREMENT, runImport, type ColumnSpec, type ImportOptions, type ImportReport } from "./run";

export const BENEFICIARY_COLUMNS: ColumnSpec = {
  known: [
    "external_id",
    "first_name",
    "last_name",
    "email",
    "phone",
    ...PLACE_COLUMNS,
    "jobs",
    "skills",
    "max_distance_km",
    "travel_modes",
    "driving_licence",
    "has_vehicle",
    "available_from",
    "shifts",
    "visible",
    "seeking",
  ],
  required: ["external_id", "jobs"],
  anyOf: [PLACE_REQUIREMENT],
};

/** What the file decides about a profile (everything else on the row is kept as it is). */
type ImportedProfile = Omit<ProfileData, "userId" | "adviserId" | "formations" | "about" | "fullTime" | "importHash">;

export async function importBeneficiaries(db: Database, text: string, opts: ImportOptions = {}): Promise<ImportReport> {
  const config = loadInstanceConfig();
  const phoneRegion = phoneRegionForTimeZone(config.timeZone);
  return runImport(db, text, BENEFICIARY_COLUMNS, opts, async (line, externalId, ctx) => {
    const firstName = line.optional("first_name", (v) => parseText(v, 100)) ?? "";
    const lastName = line.optional("last_name", (v) => parseText(v, 100)) ?? "";
    const email = line.optional("email", parseEmail);
    const phone = line.optional("phone", (v) => parsePhone(v, phoneRegion));
    const maxDistanceKm = line.optional("max_distance_km", parseDistanceKm) ?? config.defaultTravelRadiusKm;
    const travelModes = line.optional("travel_modes", parseTravelModes) ?? [];
    const drivingLicence = line.optional("driving_licence", parseDrivingLicence) ?? "none";
    const hasVehicle = line.optional("has_vehicle", parseYesNo) ?? false;
    const availableFrom = line.optional("available_from", parseDate);
    const shifts = line.optional("shifts", parseShifts) ?? 1;
    const visibleToEmployers = line.optional("visible", parseYesNo) ?? false;
    const seeking = line.optional("seeking", parseYesNo) ?? true;
    const place = await ctx.place(line);
    const jobs = await ctx.jobCodes(line, "jobs", true);
    const skillCodes = await ctx.skillCodes(line, "skills");
    line.check();

    const data: ImportedProfile = {
      externalId,
      firstName,
      lastName,
      email,
      phone,
      communeInsee: place!.insee,
      point: place!.point,
      preciseLocation: place!.precise,
      travelModes,
      maxDistanceKm,
      drivingLicence,
      hasVehicle,
      availableFrom,
      shifts,
      seeking,
      visibleToEmployers,
      territoryCode: await ctx.territory(place!.insee),
      skillCodes: [...skillCodes].sort((a, b) => a - b),
      jobs: jobs!.map((j) => ({ kind: "sought" as const, romeCode: j.romeCode, ogrCode: j.ogrCode, label: j.label })),
    };
    const hash = importHash("beneficiaries", data);
    const [existing] = await db
      .select({ id: beneficiaryProfiles.id, importHash: beneficiaryProfiles.importHash })
      .from(beneficiaryProfiles)
      .where(eq(beneficiaryProfiles.externalId, externalId))
      .limit(1);
    if (existing?.importHash === hash) return "unchanged";
    if (ctx.dryRun) return existing ? "updated" : "created";

    const saved = await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Database;
      // What the file does not carry (account link, adviser, jobs done, formations, free
      // text) must survive the update: saveProfile rewrites the whole profile.
      const kept = existing ? await keptProfileParts(tx, existing.id) : null;
      const profile: ProfileData = {
        ...data,
        userId: kept?.userId ?? null,
        adviserId: kept?.adviserId ?? null,
        about: kept?.about ?? null,
        fullTime: kept?.fullTime ?? null,
        formations: kept?.formations ?? [],
        jobs: [...data.jobs, ...(kept?.doneJobs ?? [])],
        importHash: hash,
      };
      return saveProfile(tx, profile, existing?.id);
    });
    return existing ? "updated" : { outcome: "created", id: saved.id };
  });
}

async function keptProfileParts(db: Database, id: string) {
  const [row] = await db
    .select({
      userId: beneficiaryProfiles.userId,
      adviserId: beneficiaryProfiles.adviserId,
      about: beneficiaryProfiles.about,
      fullTime: beneficiaryProfiles.fullTime,
    })
    .from(beneficiaryProfiles)
    .where(eq(beneficiaryProfiles.id, id));
  const doneJobs = await db
    .select({ romeCode: profileJobs.romeCode, ogrCode: profileJobs.ogrCode, label: profileJobs.label, years: profileJobs.years })
    .from(profileJobs)
    .where(and(eq(profileJobs.profileId, id), eq(profileJobs.kind, "done")));
  const formations = await db
    .select({
      formationId: profileFormations.formationId,
      title: profileFormations.title,
      romeCodes: profileFormations.romeCodes,
      year: profileFormations.year,
      completed: profileFormations.completed,
    })
    .from(profileFormations)
    .where(eq(profileFormations.profileId, id));
  return {
    ...row,
    formations,
    doneJobs: doneJobs.map((j) => ({ kind: "done" as const, ...j })),
  };
}
