import { z } from "zod";
import { normaliseSiret, siretProblem } from "./siret";

// The organisation's fields, shared by the sign-up form and the companies procedures.
// Kept apart from ../auth/inputs so that both can import them without a cycle.

export const siretSchema = z.string({ error: "Indiquez le numéro SIRET (14 chiffres)." }).transform((value, ctx) => {
  const problem = siretProblem(value);
  if (problem) {
    ctx.addIssue({ code: "custom", message: problem });
    return z.NEVER;
  }
  return normaliseSiret(value);
});

export const organisationNameSchema = z
  .string({ error: "Indiquez le nom de votre entreprise ou de votre organisme." })
  .trim()
  .min(1, "Indiquez le nom de votre entreprise ou de votre organisme.")
  .max(120, "Ce nom est trop long (120 caractères au plus).")
  .refine((v) => !/[<>\u0000-\u001f\u007f]/.test(v), "Ce nom contient des caractères non permis.");

export const communeInseeSchema = z
  .string({ error: "Choisissez la commune dans la liste des suggestions." })
  .trim()
  .toUpperCase()
  .regex(/^[0-9][0-9AB][0-9]{3}$/, "Choisissez la commune dans la liste des suggestions.");

/** Street address: optional, "" means none. */
export const addressLineSchema = z
  .string()
  .trim()
  .max(200, "Cette adresse est trop longue (200 caractères au plus).")
  .refine((v) => !/[<>\u0000-\u001f\u007f]/.test(v), "Cette adresse contient des caractères non permis.")
  .nullish()
  .transform((v) => v || null);

export const organisationFields = {
  siret: siretSchema,
  organisationName: organisationNameSchema,
  communeInsee: communeInseeSchema,
  addressLine: addressLineSchema,
};

export type OrganisationFields = {
  siret: string;
  organisationName: string;
  communeInsee: string;
  addressLine: string | null;
};
