import { z } from "zod";
import { addressLineSchema, communeInseeSchema, organisationNameSchema, siretSchema } from "./fields";

/** An employer or training organisation account without an organisation registers it. */
export const registerOrganisationInput = z.object({
  siret: siretSchema,
  organisationName: organisationNameSchema,
  communeInsee: communeInseeSchema,
  addressLine: addressLineSchema,
});

/** The owner corrects the name or the address (the SIRET identifies the organisation: it stays). */
export const updateOrganisationInput = z.object({
  organisationName: organisationNameSchema,
  communeInsee: communeInseeSchema,
  addressLine: addressLineSchema,
});

const personName = (what: "prénom" | "nom") =>
  z
    .string({ error: `Indiquez le ${what} de la personne.` })
    .trim()
    .min(1, `Indiquez le ${what} de la personne.`)
    .max(80, `Ce ${what} est trop long (80 caractères au plus).`)
    .refine((v) => !/[<>]/.test(v), `Ce ${what} contient des caractères non permis.`);

const personEmail = z
  .string({ error: "Indiquez l'adresse e-mail de la personne." })
  .trim()
  .min(1, "Indiquez l'adresse e-mail de la personne.")
  .max(254, "Cette adresse e-mail est trop longue.")
  .pipe(z.email({ error: "Cette adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr)." }))
  .transform((e) => e.toLowerCase());

export const addRecruiterInput = z.object({
  firstName: personName("prénom"),
  lastName: personName("nom"),
  email: personEmail,
});

export const memberInput = z.object({
  userId: z.uuid({ error: "Personne inconnue." }),
});
