import { z } from "zod";
import { isIsoDate } from "../../lib/dates";
import { CONTRACTS } from "../offers/schema";

const isoDate = z
  .string({ error: "Indiquez la date." })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Date attendue au format JJ/MM/AAAA.")
  .refine(isIsoDate, "Cette date n'existe pas.");

/**
 * A placement an adviser records by hand: the employer (one of the platform's companies, or
 * its name as written), the job, the contract, the start date (it may be in the past: the
 * check-ins whose date has passed are then due at once) and the hours per week.
 */
export const createPlacementInput = z
  .object({
    profileId: z.uuid("Personne introuvable."),
    employerId: z.uuid("Entreprise introuvable.").nullish(),
    employerName: z.string().trim().max(200, "200 caractères au plus.").nullish(),
    jobTitle: z.string({ error: "Indiquez le poste." }).trim().min(2, "Indiquez le poste.").max(150, "150 caractères au plus."),
    romeCode: z
      .string()
      .trim()
      .regex(/^[A-N]\d{4}$/, "Code ROME attendu (une lettre et quatre chiffres, par exemple J1501).")
      .nullish()
      .or(z.literal("").transform(() => null)),
    contract: z.enum(CONTRACTS, { error: "Choisissez le type de contrat." }),
    startsOn: isoDate,
    hoursPerWeek: z
      .number({ error: "Indiquez un nombre d'heures par semaine." })
      .min(1, "Au moins 1 heure par semaine.")
      .max(48, "48 heures par semaine au plus.")
      .nullish(),
  })
  .refine((v) => Boolean(v.employerId) || Boolean(v.employerName && v.employerName.length >= 2), {
    message: "Indiquez l'employeur.",
    path: ["employerName"],
  });
export type CreatePlacementInput = z.output<typeof createPlacementInput>;
