// The self sign-up form (a job seeker, a company, a training organisation) and its e-mailed code.
import { z } from "zod";
import { emailSchema, nameSchema, passwordSchema } from "../auth/inputs";
import { addressLineSchema, communeInseeSchema, organisationNameSchema, siretSchema } from "../organisations/fields";
import { SIRET_MISSING } from "../organisations/siret";

/** Who may sign up alone: a job seeker, a company that recruits, a training organisation. */
export const SIGN_UP_ROLES = ["beneficiary", "employer", "training_org"] as const;
export type SignUpRole = (typeof SIGN_UP_ROLES)[number];

// The organisation's fields are optional in the schema (a beneficiary has none) but required
// for the other roles. The form always sends them (empty when not filled in) for those
// roles, so their own messages come with the others in one round; the check below only
// catches callers that leave them out.
const ORGANISATION_REQUIRED = {
  siret: SIRET_MISSING,
  organisationName: "Indiquez le nom de votre entreprise ou de votre organisme.",
  communeInsee: "Choisissez la commune dans la liste des suggestions.",
} as const;

export const signUpInput = z
  .object({
    role: z.enum(SIGN_UP_ROLES, {
      error: "Dites si vous cherchez un emploi, si vous recrutez ou si vous êtes un organisme de formation.",
    }),
    firstName: nameSchema("prénom"),
    lastName: nameSchema("nom"),
    email: emailSchema,
    password: passwordSchema,
    acceptTerms: z.literal(true, { error: "Vous devez accepter les conditions d'utilisation." }),
    siret: siretSchema.optional(),
    organisationName: organisationNameSchema.optional(),
    communeInsee: communeInseeSchema.optional(),
    addressLine: addressLineSchema,
  })
  .superRefine((v, ctx) => {
    if (v.role === "beneficiary") return;
    for (const [key, message] of Object.entries(ORGANISATION_REQUIRED)) {
      if (v[key as keyof typeof ORGANISATION_REQUIRED] === undefined) ctx.addIssue({ code: "custom", path: [key], message });
    }
  });
export type SignUpInput = z.input<typeof signUpInput>;

/** The 6-digit code e-mailed at sign-up. */
export const confirmSignUpInput = z.object({
  email: emailSchema,
  code: z
    .string({ error: "Indiquez le code reçu par e-mail." })
    .transform((c) => c.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Le code fait 6 chiffres, par exemple 407 183.")),
});

/** A SIRET to look up in the company directory (prefills the sign-up form). */
export const lookupSiretInput = z.object({ siret: siretSchema });
