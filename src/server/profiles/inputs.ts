import { z } from "zod";
import { SHIFT_NAMES } from "../geo/shifts";
import { frenchThousands } from "../lib/text";
import { DRIVING_LICENCES, TRAVEL_MODES } from "./labels";
import { normalisePhone, WRONG_PHONE_MESSAGE } from "../../lib/phone";
import {
  ABOUT_MAX,
  DONE_JOBS_MAX,
  FORMATION_TITLE_MAX,
  FORMATIONS_MAX,
  JOB_YEARS_MAX,
  SKILLS_MAX,
  SOUGHT_JOBS_MAX,
  TRAVEL_DISTANCE_MAX_KM,
  TRAVEL_DISTANCE_MIN_KM,
  TRAVEL_MINUTES_MAX,
  TRAVEL_MINUTES_MIN,
} from "./limits";

// One schema per wizard step: the forms use them for hints, the procedures for the real check.

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Date attendue au format JJ/MM/AAAA.")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "Cette date n'existe pas.");

export const placeStepInput = z.object({
  communeInsee: z.string({ error: "Choisissez votre commune dans la liste." }).regex(/^[0-9AB]{5}$/, "Choisissez votre commune dans la liste."),
  /** only when the person agreed to keep their precise position */
  precisePoint: z
    .object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
    .nullish(),
});

export const mobilityStepInput = z.object({
  travelModes: z.array(z.enum(TRAVEL_MODES)).min(1, "Choisissez au moins un moyen de vous déplacer.").max(TRAVEL_MODES.length),
  distance: z.discriminatedUnion("unit", [
    z.object({
      unit: z.literal("km"),
      value: z
        .number({ error: "Indiquez une distance." })
        .min(TRAVEL_DISTANCE_MIN_KM, `Au moins ${TRAVEL_DISTANCE_MIN_KM} km.`)
        .max(TRAVEL_DISTANCE_MAX_KM, `${TRAVEL_DISTANCE_MAX_KM} km au plus.`),
    }),
    z.object({
      unit: z.literal("minutes"),
      value: z
        .number({ error: "Indiquez un temps de trajet." })
        .min(TRAVEL_MINUTES_MIN, `Au moins ${TRAVEL_MINUTES_MIN} minutes.`)
        .max(TRAVEL_MINUTES_MAX, `${TRAVEL_MINUTES_MAX / 60} heures au plus.`),
    }),
  ]),
  drivingLicence: z.enum(DRIVING_LICENCES, { error: "Dites si vous avez le permis." }),
  hasVehicle: z.boolean({ error: "Dites si vous avez un véhicule." }),
});

const romeCode = z.string().regex(/^[A-N]\d{4}$/, "Code métier invalide.");
/** A job from the referential: a job title (OGR code), or a whole job sheet (ROME code) for data imported without one. */
const jobRef = z
  .object({ ogrCode: z.number().int().positive().optional(), romeCode: romeCode.optional() })
  .refine((j) => j.ogrCode !== undefined || j.romeCode !== undefined, "Choisissez le métier dans la liste.");

export const jobsStepInput = z.object({
  sought: z
    .array(jobRef)
    .min(1, "Choisissez au moins un métier que vous cherchez.")
    .max(SOUGHT_JOBS_MAX, `${SOUGHT_JOBS_MAX} métiers au plus.`),
  done: z
    .array(jobRef.and(z.object({ years: z.number({ error: "Dites combien de temps." }).min(0, "Durée invalide.").max(JOB_YEARS_MAX, `${JOB_YEARS_MAX} ans au plus.`) })))
    .max(DONE_JOBS_MAX, `${DONE_JOBS_MAX} métiers au plus.`),
});

export const skillsStepInput = z.object({
  skillCodes: z.array(z.number().int().positive()).max(SKILLS_MAX, `${SKILLS_MAX} compétences au plus.`),
});

export const availabilityStepInput = z.object({
  availableFrom: isoDate.nullable(),
  fullTime: z.boolean({ error: "Dites si vous cherchez un temps plein ou partiel." }).nullable(),
  shifts: z.array(z.enum(SHIFT_NAMES as [string, ...string[]])).min(1, "Choisissez au moins un moment de la journée."),
});

export const backgroundStepInput = z.object({
  formations: z
    .array(
      z.object({
        title: z.string().trim().min(2, "Écrivez le nom de la formation ou du diplôme.").max(FORMATION_TITLE_MAX, `${FORMATION_TITLE_MAX} caractères au plus.`),
        year: z.number().int().min(1950, "Année invalide.").max(2100, "Année invalide.").nullable(),
        /** a job it leads to, from the referential: a job title, or a job sheet */
        jobOgrCode: z.number().int().positive().nullable(),
        jobRomeCode: romeCode.nullish(),
      }),
    )
    .max(FORMATIONS_MAX, `${FORMATIONS_MAX} formations au plus.`),
  about: z.string().trim().max(ABOUT_MAX, `${frenchThousands(ABOUT_MAX)} caractères au plus.`).nullable(),
});

export const visibilityStepInput = z.object({ visible: z.boolean({ error: "Répondez oui ou non." }) });

/** The phone number of the profile (any way the person types it); empty or null removes it. */
export const phoneInput = z.object({
  phone: z
    .string({ error: WRONG_PHONE_MESSAGE })
    .refine((p) => !p.trim() || (p.length <= 40 && normalisePhone(p).ok), WRONG_PHONE_MESSAGE)
    .nullable(),
});
