import { z } from "zod";
import { SHIFT_NAMES } from "../geo/shifts";
import { DRIVING_LICENCES, TRAVEL_MODES } from "./labels";

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
    z.object({ unit: z.literal("km"), value: z.number({ error: "Indiquez une distance." }).min(1, "Au moins 1 km.").max(200, "200 km au plus.") }),
    z.object({
      unit: z.literal("minutes"),
      value: z.number({ error: "Indiquez un temps de trajet." }).min(5, "Au moins 5 minutes.").max(180, "3 heures au plus."),
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
    .max(5, "5 métiers au plus."),
  done: z
    .array(jobRef.and(z.object({ years: z.number({ error: "Dites combien de temps." }).min(0, "Durée invalide.").max(50, "50 ans au plus.") })))
    .max(10, "10 métiers au plus."),
});

export const skillsStepInput = z.object({
  skillCodes: z.array(z.number().int().positive()).max(80, "80 compétences au plus."),
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
        title: z.string().trim().min(2, "Écrivez le nom de la formation ou du diplôme.").max(150, "150 caractères au plus."),
        year: z.number().int().min(1950, "Année invalide.").max(2100, "Année invalide.").nullable(),
        /** a job it leads to, from the referential: a job title, or a job sheet */
        jobOgrCode: z.number().int().positive().nullable(),
        jobRomeCode: romeCode.nullish(),
      }),
    )
    .max(20, "20 formations au plus."),
  about: z.string().trim().max(1000, "1 000 caractères au plus.").nullable(),
});

export const visibilityStepInput = z.object({ visible: z.boolean({ error: "Répondez oui ou non." }) });
