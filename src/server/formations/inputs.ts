import { z } from "zod";
import { FORMATION_ANSWERS, FORMATION_DECLINE_REASONS } from "./labels";
import { COST_MAX, DESCRIPTION_MAX, FUNDING_MAX, JOBS_MAX, PREREQUISITES_MAX, SEATS_MAX, TITLE_MAX } from "./limits";

// Input of the organisations' formation procedures, with the French messages shown beside
// each field. Checks that need the database (referential, dates against the stored row,
// seats already given) are in manage.ts.

export { COST_MAX, DESCRIPTION_MAX, FUNDING_MAX, JOBS_MAX, PREREQUISITES_MAX, SEATS_MAX, TITLE_MAX } from "./limits";

function isoDate(missing: string) {
  return z
    .string({ error: missing })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: missing, abort: true })
    .refine(
      (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
      "Cette date n'existe pas.",
    );
}

/** Empty text becomes null (an optional field left blank). */
function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `${max.toLocaleString("fr-FR")} caractères au plus.`)
    .nullish()
    .transform((v) => (v ? v : null));
}

export const formationFields = z.object({
  title: z
    .string({ error: "Écrivez l'intitulé de la formation." })
    .trim()
    .min(3, "Écrivez l'intitulé de la formation (3 caractères au moins).")
    .max(TITLE_MAX, `${TITLE_MAX} caractères au plus.`),
  description: optionalText(DESCRIPTION_MAX),
  romeCodes: z
    .array(z.string().regex(/^[A-N]\d{4}$/, "Choisissez le métier dans la liste."), {
      error: "Choisissez au moins un métier auquel la formation prépare.",
    })
    .min(1, "Choisissez au moins un métier auquel la formation prépare.")
    .max(JOBS_MAX, `${JOBS_MAX} métiers au plus.`),
  communeInsee: z
    .string({ error: "Choisissez la commune de la formation dans la liste." })
    .regex(/^[0-9AB]{5}$/, "Choisissez la commune de la formation dans la liste."),
  /** where exactly it takes place, when the organisation gave it; else the commune centre */
  precisePoint: z
    .object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }, { error: "Position invalide." })
    .nullish(),
  startsOn: isoDate("Indiquez la date de début."),
  endsOn: isoDate("Indiquez la date de fin."),
  seats: z
    .number({ error: "Indiquez le nombre de places (un nombre)." })
    .int("Indiquez un nombre entier de places.")
    .min(1, "Il faut au moins 1 place.")
    .max(SEATS_MAX, `${SEATS_MAX} places au plus.`),
  prerequisites: optionalText(PREREQUISITES_MAX),
  costEuros: z
    .number({ error: "Écrivez un montant en euros (un nombre), ou laissez vide." })
    .int("Écrivez un montant en euros, sans centimes.")
    .min(0, "Le coût ne peut pas être négatif.")
    .max(COST_MAX, `${COST_MAX.toLocaleString("fr-FR")} € au plus.`)
    .nullish(),
  funding: optionalText(FUNDING_MAX),
});

export const saveFormationInput = formationFields.extend({
  /** absent: a new formation */
  id: z.uuid().optional(),
  /** the version the form was filled from (required with id) */
  version: z.number().int().min(1).optional(),
  /** publish it in the same step (a draft, or a closed one reopened) */
  publish: z.boolean().optional(),
});
export type SaveFormationInput = z.infer<typeof saveFormationInput>;

export const formationIdInput = z.object({ formationId: z.uuid({ error: "Formation introuvable." }) });

export const answerInput = z.object({
  applicationId: z.uuid({ error: "Candidature introuvable." }),
  status: z.enum(FORMATION_ANSWERS, { error: "Choisissez une réponse." }),
  /** required when status is "declined": the person reads it in kind words */
  reason: z.enum(FORMATION_DECLINE_REASONS, { error: "Choisissez la raison dans la liste." }).nullish(),
});
export type AnswerInput = z.infer<typeof answerInput>;
