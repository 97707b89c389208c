import { eq, inArray } from "drizzle-orm";
import { recordReads } from "../audit/record";
import { users } from "../auth/schema";
import { territories } from "../instance/schema";
import { z } from "zod";
import { maskToShifts } from "../geo/shifts";
import { communeByInsee } from "../referentials/queries";
import { romeSkills } from "../referentials/schema";
import { roleProcedure, router } from "../trpc/init";
import type { Database } from "../db/client";
import type { SessionUser } from "../trpc/context";
import { completeness, profileCompleteness } from "./completeness";
import {
  availabilityStepInput,
  backgroundStepInput,
  jobsStepInput,
  mobilityStepInput,
  phoneInput,
  placeStepInput,
  skillsStepInput,
  visibilityStepInput,
} from "./inputs";
import { loadProfile, profileIdOfUser, type StoredProfile } from "./load";
import { saveWizardStep, type StepInputs } from "./wizard";
import { saveProfilePhone } from "./phone";
import { skillSuggestions } from "./skill-suggestions";
import { profileForCaller } from "./access";
import { accessCodeOnFile } from "./access-code";
import type { ProfileStep } from "./completeness";

/** The profile as its owner sees it, with names for codes and the completeness bar. */
export async function profileView(db: Database, profile: StoredProfile | null) {
  if (!profile) return { profile: null, completeness: completeness(null) };
  const commune = await communeByInsee(db, profile.communeInsee);
  const skills = profile.skillCodes.length
    ? await db
        .select({ ogrCode: romeSkills.ogrCode, label: romeSkills.label, kind: romeSkills.kind })
        .from(romeSkills)
        .where(inArray(romeSkills.ogrCode, profile.skillCodes))
    : [];
  return {
    profile: {
      id: profile.id,
      firstName: profile.firstName,
      lastName: profile.lastName,
      email: profile.email,
      phone: profile.phone,
      commune: commune ? { insee: commune.insee, name: commune.name, postcodes: commune.postcodes } : null,
      point: profile.point,
      preciseLocation: profile.preciseLocation,
      travelModes: profile.travelModes,
      maxDistanceKm: profile.maxDistanceKm,
      drivingLicence: profile.drivingLicence,
      hasVehicle: profile.hasVehicle,
      availableFrom: profile.availableFrom ?? null,
      fullTime: profile.fullTime ?? null,
      shifts: maskToShifts(profile.shifts),
      seeking: profile.seeking,
      visibleToEmployers: profile.visibleToEmployers,
      visibilityConsentAt: profile.visibilityConsentAt,
      jobs: profile.jobs,
      skills: skills.sort((a, b) => a.label.localeCompare(b.label, "fr")),
      formations: profile.formations ?? [],
      about: profile.about ?? null,
      updatedAt: profile.updatedAt,
    },
    completeness: profileCompleteness(profile),
  };
}

const beneficiary = roleProcedure("beneficiary");
/** The wizard's steps: the person themself, or an adviser / admin with them (profileId). */
const cvEditor = roleProcedure("beneficiary", "adviser", "admin");
const adviser = roleProcedure("adviser", "admin");

const target = { profileId: z.uuid("Profil invalide.").optional() };

/** Saves a step for the caller: their own profile, or (adviser, admin) the profile given. */
async function saveStep<S extends ProfileStep>(
  ctx: { db: Database; user: SessionUser },
  key: S,
  input: StepInputs[S] & { profileId?: string },
) {
  const { profileId, ...values } = input;
  return profileView(ctx.db, await saveWizardStep(ctx.db, ctx.user, key, values as unknown as StepInputs[S], profileId));
}

/** The CV, step by step: the person's own, or (adviser, admin) of a person they follow. */
export const profileRouter = router({
  mine: beneficiary.query(async ({ ctx }) => {
    const id = await profileIdOfUser(ctx.db, ctx.user.id);
    return profileView(ctx.db, id ? await loadProfile(ctx.db, id) : null);
  }),
  /**
   * The person's own adviser, to write to ("Parler à mon conseiller"), or null when nobody
   * follows them yet (or their adviser's account is closed); with their territory's name either way.
   */
  myAdviser: beneficiary.query(async ({ ctx }) => {
    const id = await profileIdOfUser(ctx.db, ctx.user.id);
    const stored = id ? await loadProfile(ctx.db, id) : null;
    const [adviser] = stored?.adviserId
      ? await ctx.db
          .select({ firstName: users.firstName, lastName: users.lastName, email: users.email, status: users.status })
          .from(users)
          .where(eq(users.id, stored.adviserId))
          .limit(1)
      : [];
    const territoryCode = stored?.territoryCode ?? ctx.user.territoryCode ?? null;
    const [territory] = territoryCode
      ? await ctx.db.select({ name: territories.name }).from(territories).where(eq(territories.code, territoryCode)).limit(1)
      : [];
    return {
      adviser: adviser && adviser.status === "active" ? { firstName: adviser.firstName, lastName: adviser.lastName, email: adviser.email } : null,
      territory: territory?.name ?? null,
    };
  }),
  /** An adviser's view of the CV of a person they may reach (same shape as `mine`). */
  ofPerson: adviser.input(z.object({ profileId: z.uuid("Profil invalide.") })).query(async ({ ctx, input }) => {
    const id = await profileForCaller(ctx.db, ctx.user, input.profileId);
    const stored = await loadProfile(ctx.db, id);
    if (stored) await recordReads(ctx.db, ctx.user.id, "profile.read_cv", "profile", [id], { source: "profile.ofPerson" });
    const [account] = stored?.userId
      ? await ctx.db.select({ userId: users.id, status: users.status }).from(users).where(eq(users.id, stored.userId)).limit(1)
      : [];
    return { ...(await profileView(ctx.db, stored)), account: account ?? null };
  }),
  /**
   * The code of a pending account's letter, to show on the person's file: the same as the
   * PDF letter's (null when none can be shown; a new code is accounts.reissueAccessCode).
   */
  accessCodeOfPerson: adviser
    .input(z.object({ userId: z.uuid("Compte invalide.") }))
    .query(({ ctx, input }) => accessCodeOnFile(ctx.db, ctx.user, input.userId)),
  savePlace: cvEditor.input(placeStepInput.extend(target)).mutation(({ ctx, input }) => saveStep(ctx, "place", input)),
  saveMobility: cvEditor.input(mobilityStepInput.extend(target)).mutation(({ ctx, input }) => saveStep(ctx, "mobility", input)),
  saveJobs: cvEditor.input(jobsStepInput.extend(target)).mutation(({ ctx, input }) => saveStep(ctx, "jobs", input)),
  saveSkills: cvEditor.input(skillsStepInput.extend(target)).mutation(({ ctx, input }) => saveStep(ctx, "skills", input)),
  saveAvailability: cvEditor.input(availabilityStepInput.extend(target)).mutation(({ ctx, input }) => saveStep(ctx, "availability", input)),
  saveBackground: cvEditor.input(backgroundStepInput.extend(target)).mutation(({ ctx, input }) => saveStep(ctx, "background", input)),
  /** The phone number (stored in E.164; a wrong one refused on its field; empty removes it). */
  savePhone: cvEditor
    .input(phoneInput.extend(target))
    .mutation(async ({ ctx, input }) => profileView(ctx.db, await saveProfilePhone(ctx.db, ctx.user, input.phone, input.profileId))),
  saveVisibility: cvEditor.input(visibilityStepInput.extend(target)).mutation(({ ctx, input }) => saveStep(ctx, "visibility", input)),
  /** Skills to tick: those of the chosen jobs first (grouped by job), then savoir-être. */
  skillSuggestions: cvEditor
    .input(z.object({ romeCodes: z.array(z.string().regex(/^[A-N]\d{4}$/)).max(15) }))
    .query(({ ctx, input }) => skillSuggestions(ctx.db, input.romeCodes)),
});
