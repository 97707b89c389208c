import { inArray } from "drizzle-orm";
import { z } from "zod";
import { maskToShifts } from "../geo/shifts";
import { communeByInsee, romeJobItems } from "../referentials/queries";
import { romeSkills } from "../referentials/schema";
import { roleProcedure, router } from "../trpc/init";
import type { Database } from "../db/client";
import { completeness } from "./completeness";
import {
  availabilityStepInput,
  backgroundStepInput,
  jobsStepInput,
  mobilityStepInput,
  placeStepInput,
  skillsStepInput,
  visibilityStepInput,
} from "./inputs";
import { loadProfile, profileIdOfUser, type StoredProfile } from "./load";
import { saveWizardStep } from "./wizard";

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
    completeness: completeness({
      stepsDone: profile.stepsDone ?? [],
      soughtJobs: profile.jobs.filter((j) => j.kind === "sought").length,
      skills: profile.skillCodes.length,
      filled: {
        place: true,
        mobility: profile.travelModes.length > 0,
        jobs: true,
        skills: true,
        availability: Boolean(profile.availableFrom) || profile.fullTime != null,
        background: (profile.formations?.length ?? 0) > 0 || Boolean(profile.about),
        visibility: profile.visibleToEmployers,
      },
    }),
  };
}

const beneficiary = roleProcedure("beneficiary");

/** The beneficiary's own CV, step by step. Nobody else writes here. */
export const profileRouter = router({
  mine: beneficiary.query(async ({ ctx }) => {
    const id = await profileIdOfUser(ctx.db, ctx.user.id);
    return profileView(ctx.db, id ? await loadProfile(ctx.db, id) : null);
  }),
  savePlace: beneficiary
    .input(placeStepInput)
    .mutation(async ({ ctx, input }) => profileView(ctx.db, await saveWizardStep(ctx.db, ctx.user, "place", input))),
  saveMobility: beneficiary
    .input(mobilityStepInput)
    .mutation(async ({ ctx, input }) => profileView(ctx.db, await saveWizardStep(ctx.db, ctx.user, "mobility", input))),
  saveJobs: beneficiary
    .input(jobsStepInput)
    .mutation(async ({ ctx, input }) => profileView(ctx.db, await saveWizardStep(ctx.db, ctx.user, "jobs", input))),
  saveSkills: beneficiary
    .input(skillsStepInput)
    .mutation(async ({ ctx, input }) => profileView(ctx.db, await saveWizardStep(ctx.db, ctx.user, "skills", input))),
  saveAvailability: beneficiary
    .input(availabilityStepInput)
    .mutation(async ({ ctx, input }) =>
      profileView(ctx.db, await saveWizardStep(ctx.db, ctx.user, "availability", input)),
    ),
  saveBackground: beneficiary
    .input(backgroundStepInput)
    .mutation(async ({ ctx, input }) => profileView(ctx.db, await saveWizardStep(ctx.db, ctx.user, "background", input))),
  saveVisibility: beneficiary
    .input(visibilityStepInput)
    .mutation(async ({ ctx, input }) => profileView(ctx.db, await saveWizardStep(ctx.db, ctx.user, "visibility", input))),
  /** Skills to tick: those of the chosen jobs first (grouped by job), then savoir-être. */
  skillSuggestions: beneficiary
    .input(z.object({ romeCodes: z.array(z.string().regex(/^[A-N]\d{4}$/)).max(15) }))
    .query(async ({ ctx, input }) => {
      const byJob = await Promise.all([...new Set(input.romeCodes)].map(async (code) => ({ romeCode: code, ...(await romeJobItems(ctx.db, code)) })));
      const softSkills = new Map<number, { ogrCode: number; label: string }>();
      for (const j of byJob) for (const s of j.softSkills) softSkills.set(s.ogrCode, { ogrCode: s.ogrCode, label: s.label });
      return {
        jobs: byJob.map((j) => ({ romeCode: j.romeCode, skills: j.skills.map(({ ogrCode, label }) => ({ ogrCode, label })) })),
        softSkills: [...softSkills.values()].sort((a, b) => a.label.localeCompare(b.label, "fr")),
      };
    }),
});
