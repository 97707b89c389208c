import { z } from "zod";
import { ROLES } from "./schema";

// Input schemas shared by the forms (client-side hints) and the procedures (the real check).
// Messages are for people: short, plain French.

const COMMON_PASSWORDS = new Set([
  "password", "motdepasse", "azerty123", "azertyuiop", "12345678", "123456789", "1234567890",
  "qwerty123", "soleil123", "bonjour123", "doudou123", "marseille13", "loulou123", "chouchou1",
  "password1", "azerty12", "00000000", "11111111", "abcdefgh", "abc12345", "iloveyou1",
]);

export const emailSchema = z
  .string({ error: "Indiquez votre adresse e-mail." })
  .trim()
  .min(1, "Indiquez votre adresse e-mail.")
  .max(254, "Cette adresse e-mail est trop longue.")
  .pipe(z.email({ error: "Cette adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr)." }))
  .transform((e) => e.toLowerCase());

export const passwordSchema = z
  .string({ error: "Choisissez un mot de passe." })
  .min(8, "Le mot de passe doit faire au moins 8 caractères.")
  .max(200, "Le mot de passe est trop long (200 caractères au plus).")
  .refine((p) => /[a-zA-ZÀ-ÿ]/.test(p) && /[0-9]/.test(p), "Le mot de passe doit contenir au moins une lettre et un chiffre.")
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), "Ce mot de passe est trop courant : choisissez-en un autre.")
  .refine((p) => new Set(p).size >= 4, "Le mot de passe répète trop les mêmes caractères.");

export const passwordResetInput = z.object({ email: emailSchema });

export const nameSchema = (label: string) =>
  z
    .string({ error: `Indiquez votre ${label}.` })
    .trim()
    .min(1, `Indiquez votre ${label}.`)
    .max(80, `Votre ${label} est trop long (80 caractères au plus).`)
    .refine((v) => !/[<>]/.test(v), `Votre ${label} contient des caractères non permis.`);


export const accessCodeSchema = z
  .string({ error: "Indiquez le code reçu." })
  .trim()
  .regex(/^[A-Za-z0-9\- ]{10,16}$/, "Le code fait 10 caractères, par exemple K7QM-4XTR-PZ.");

export const activateInput = z.object({
  code: accessCodeSchema,
  email: emailSchema,
  password: passwordSchema,
});

export const signInInput = z.object({
  email: emailSchema,
  password: z.string().min(1, "Indiquez votre mot de passe.").max(200),
});

export const signInCodeInput = z.object({
  email: emailSchema,
  code: accessCodeSchema,
});

export const createBeneficiaryInput = z.object({
  firstName: nameSchema("prénom"),
  lastName: nameSchema("nom"),
  email: emailSchema.optional(),
});

export const STAFF_ROLES = ["adviser", "admin", "training_org", "employer"] as const;
export const createStaffInput = z.object({
  role: z.enum(STAFF_ROLES, { error: "Rôle inconnu." }),
  firstName: nameSchema("prénom"),
  lastName: nameSchema("nom"),
  email: emailSchema,
  territoryCode: z.string().regex(/^[a-z0-9-]+$/).nullish(),
});

export const listUsersInput = z.object({
  role: z.enum(ROLES).optional(),
  query: z.string().trim().max(100).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
});

export const setUserStatusInput = z.object({
  userId: z.uuid(),
  status: z.enum(["active", "disabled"]),
});

export const setTerritoryInput = z.object({
  userId: z.uuid("Compte inconnu."),
  /** null: the whole instance */
  territoryCode: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,50}$/, "Territoire inconnu.")
    .nullable(),
});

/** The roles an admin may switch between (the others carry an organisation or a profile). */
export const SWITCHABLE_ROLES = ["adviser", "admin"] as const;
export const setRoleInput = z.object({
  userId: z.uuid("Compte inconnu."),
  role: z.enum(SWITCHABLE_ROLES, { error: "Choisissez conseiller ou administrateur." }),
});
