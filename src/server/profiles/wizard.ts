import { TRPCError } from "@trpc/server";
import { inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "../db/client";
import { isInFrance } from "../geo/point";
import { SHIFTS, type Shift } from "../geo/shifts";
import { loadInstanceConfig } from "../config/config";
import { territoryOfCommune } from "../instance/territories";
import { communeByInsee, resolveJobCodes } from "../referentials/queries";
import { romeSkills } from "../referentials/schema";
import { recordAudit } from "../audit/record";
import { profileForCaller } from "./access";
import { FieldErrors } from "../lib/field-errors";
import type { SessionUser } from "../trpc/context";
import { minutesToKm, type ProfileStep } from "./completeness";
import type {
  availabilityStepInput,
  backgroundStepInput,
  jobsStepInput,
  mobilityStepInput,
  placeStepInput,
  skillsStepInput,
  visibilityStepInput,
} from "./inputs";
import { loadProfile, profileIdOfUser, type StoredProfile } from "./load";
import { saveProfile, type ProfileData } from "./save";

export type StepInputs = {
  place: z.output<typeof placeStepInput>;
  mobility: z.output<typeof mobilityStepInput>;
  jobs: z.output<typeof jobsStepInput>;
  skills: z.output<typeof skillsStepInput>;
  availability: z.output<typeof availabilityStepInput>;
  background: z.output<typeof backgroundStepInput>;
  visibility: z.output<typeof visibilityStepInput>;
};

/** What each step changes in the profile; may refuse with field messages. */
async function applyStep<S extends ProfileStep>(
  db: Database,
  step: S,
  input: StepInputs[S],
  current: ProfileData,
): Promise<Partial<ProfileData>> {
  switch (step) {
    case "place": {
      const i = input as StepInputs["place"];
      const commune = await communeByInsee(db, i.communeInsee);
      if (!commune) throw new FieldErrors({ communeInsee: ["Commune inconnue : choisissez-la dans la liste."] });
      if (i.precisePoint && !isInFrance(i.precisePoint)) {
        throw new FieldErrors({ precisePoint: ["Cette position n'est pas en France."] });
      }
      return {
        communeInsee: commune.insee,
        point: i.precisePoint ?? { lat: commune.lat, lng: commune.lng },
        preciseLocation: Boolean(i.precisePoint),
        territoryCode: (await territoryOfCommune(db, commune.insee)) ?? current.territoryCode ?? null,
      };
    }
    case "mobility": {
      const i = input as StepInputs["mobility"];
      const km = i.distance.unit === "km" ? i.distance.value : minutesToKm(i.distance.value, i.travelModes);
      // A vehicle without a licence is possible (a moped needs none), so both are kept as said.
      return { travelModes: i.travelModes, maxDistanceKm: km, drivingLicence: i.drivingLicence, hasVehicle: i.hasVehicle };
    }
    case "jobs": {
      const i = input as StepInputs["jobs"];
      const ref = (j: { ogrCode?: number; romeCode?: string }) => (j.ogrCode !== undefined ? String(j.ogrCode) : j.romeCode!);
      const codes = [...i.sought, ...i.done].map(ref);
      const known = await resolveJobCodes(db, codes);
      const unknown = codes.filter((c) => !known.has(c));
      if (unknown.length) throw new FieldErrors({ sought: [`Métier inconnu (${unknown.join(", ")}) : choisissez-le dans la liste.`] });
      const job = (j: { ogrCode?: number; romeCode?: string }) => {
        const k = known.get(ref(j))!;
        return { romeCode: k.romeCode, ogrCode: k.ogrCode, label: k.label };
      };
      return {
        jobs: [
          ...i.sought.map((j) => ({ kind: "sought" as const, ...job(j) })),
          ...i.done.map((j) => ({ kind: "done" as const, ...job(j), years: j.years })),
        ],
      };
    }
    case "skills": {
      const i = input as StepInputs["skills"];
      const codes = [...new Set(i.skillCodes)];
      if (codes.length) {
        const found = await db.select({ c: romeSkills.ogrCode }).from(romeSkills).where(inArray(romeSkills.ogrCode, codes));
        if (found.length !== codes.length) throw new FieldErrors({ skillCodes: ["Une compétence choisie n'existe pas."] });
      }
      return { skillCodes: codes };
    }
    case "availability": {
      const i = input as StepInputs["availability"];
      return {
        availableFrom: i.availableFrom,
        fullTime: i.fullTime,
        shifts: (i.shifts as Shift[]).reduce((m, s) => m | SHIFTS[s], 0),
      };
    }
    case "background": {
      const i = input as StepInputs["background"];
      const codes = i.formations.flatMap((f) => (f.jobOgrCode ? [String(f.jobOgrCode)] : f.jobRomeCode ? [f.jobRomeCode] : []));
      const known = await resolveJobCodes(db, codes);
      const romeOf = (f: (typeof i.formations)[number]) =>
        known.get(f.jobOgrCode ? String(f.jobOgrCode) : (f.jobRomeCode ?? ""))?.romeCode;
      return {
        formations: i.formations.map((f) => ({ title: f.title, year: f.year, romeCodes: romeOf(f) ? [romeOf(f)!] : [] })),
        about: i.about || null,
      };
    }
    case "visibility": {
      const i = input as StepInputs["visibility"];
      return { visibleToEmployers: i.visible };
    }
  }
  throw new Error(`unknown step ${step}`);
}

/** Fields of the profile a step changed (compared as stored), for the audit trail. */
export function changedFields(before: ProfileData, patch: Partial<ProfileData>): string[] {
  return Object.keys(patch)
    .filter((k) => JSON.stringify(patch[k as keyof ProfileData] ?? null) !== JSON.stringify(before[k as keyof ProfileData] ?? null))
    .sort();
}

export const ADVISER_CANNOT_CONSENT =
  "Seule la personne peut choisir de montrer son profil aux entreprises : elle le fait elle-même depuis son espace. Vous pouvez seulement le masquer.";

/**
 * Saves one step of the CV wizard. A beneficiary saves their own profile (created by the first
 * step, where they live; a profileId of someone else is refused). An adviser or an admin saves
 * the profile of a person they may reach (profileForCaller), which must already exist, and may
 * never give consent to be shown to employers in the person's name. Every change is audited
 * with who made it.
 */
export async function saveWizardStep<S extends ProfileStep>(
  db: Database,
  user: SessionUser,
  step: S,
  input: StepInputs[S],
  profileId?: string,
): Promise<StoredProfile> {
  const byAdviser = user.role === "adviser" || user.role === "admin";
  let existingId: string | null;
  if (byAdviser) {
    existingId = await profileForCaller(db, user, profileId);
    if (step === "visibility" && (input as StepInputs["visibility"]).visible) {
      throw new FieldErrors({ visible: [ADVISER_CANNOT_CONSENT] });
    }
  } else if (user.role === "beneficiary") {
    existingId = await profileIdOfUser(db, user.id);
    if (profileId && profileId !== existingId) throw new TRPCError({ code: "NOT_FOUND", message: "Profil introuvable." });
  } else {
    throw new TRPCError({ code: "FORBIDDEN", message: "Cette action n'est pas permise avec votre compte." });
  }
  const existing = existingId ? await loadProfile(db, existingId) : null;
  if (!existing && step !== "place") {
    throw new FieldErrors({ _: ["Commencez par indiquer où vous habitez."] });
  }
  const base: ProfileData = existing ?? {
    userId: user.id,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    communeInsee: "",
    point: { lat: 0, lng: 0 },
    preciseLocation: false,
    travelModes: [],
    maxDistanceKm: loadInstanceConfig().defaultTravelRadiusKm,
    drivingLicence: "none",
    hasVehicle: false,
    shifts: SHIFTS.day,
    seeking: true,
    visibleToEmployers: false,
    territoryCode: user.territoryCode,
    skillCodes: [],
    jobs: [],
    stepsDone: [],
  };
  const patch = await applyStep(db, step, input, base);
  const stepsDone = [...new Set([...(base.stepsDone ?? []), step])];
  const changed = existing ? changedFields(base, patch) : Object.keys(patch).sort();
  const id = await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const saved = await saveProfile(tx, { ...base, ...patch, stepsDone }, existing?.id);
    await recordAudit(tx, {
      actorId: user.id,
      action: byAdviser ? "profile.edit_by_adviser" : "profile.edit",
      subjectType: "profile",
      subjectId: saved.id,
      details: { step, changedFields: changed, ...(saved.created ? { created: true } : {}) },
    });
    return saved.id;
  });
  return (await loadProfile(db, id))!;
}
