import { z } from "zod";
import { SHIFT_NAMES, type Shift } from "../geo/shifts";
import { frenchThousands } from "../lib/text";
import { CONTRACTS } from "./labels";
import { OFFER_ADDRESS_MAX, OFFER_DESCRIPTION_MAX, OFFER_SKILLS_MAX, OFFER_TITLE_MAX } from "./limits";

// What the offer form sends. Zod checks only types and hard limits here; whether a value is
// sensible (a radius of 0, a date in the past, a missing field when publishing) is decided
// by validateOfferFields in validate.ts, so that every field's message comes back at once.

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Date attendue au format JJ/MM/AAAA.")
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    "Cette date n'existe pas.",
  );

const finite = (message: string) => z.number({ error: message }).refine(Number.isFinite, message);

const skillCodes = z
  .array(z.number().int().positive())
  .max(OFFER_SKILLS_MAX, `${OFFER_SKILLS_MAX} compétences au plus.`)
  .default([]);

export const offerFieldsShape = {
  title: z.string().trim().max(OFFER_TITLE_MAX, `${OFFER_TITLE_MAX} caractères au plus.`).default(""),
  /** the job title picked in the autocomplete (OGR code, digits), or a ROME code (imported offers) */
  jobCode: z.string().trim().max(12, "Choisissez un métier dans la liste.").nullish(),
  communeInsee: z.string().trim().max(5, "Choisissez la commune dans la liste.").nullish(),
  /** the browser's position, when the recruiter used "Utiliser ma position" */
  point: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).nullish(),
  addressLine: z.string().trim().max(OFFER_ADDRESS_MAX, `${OFFER_ADDRESS_MAX} caractères au plus.`).nullish(),
  radiusKm: finite("Indiquez une distance en kilomètres.").nullish(),
  contract: z.enum(CONTRACTS, { error: "Choisissez le type de contrat." }).nullish(),
  hoursPerWeek: finite("Indiquez un nombre d'heures.").nullish(),
  shifts: z
    .array(z.enum(SHIFT_NAMES as [Shift, ...Shift[]], { error: "Horaire inconnu." }))
    .max(SHIFT_NAMES.length)
    .default([]),
  licenceRequired: z.boolean().default(false),
  vehicleRequired: z.boolean().default(false),
  positions: finite("Indiquez un nombre de postes.").nullish(),
  startsOn: isoDate.nullish(),
  expiresOn: isoDate.nullish(),
  requiredSkills: skillCodes,
  wishedSkills: skillCodes,
  description: z
    .string()
    .trim()
    .max(OFFER_DESCRIPTION_MAX, `${frenchThousands(OFFER_DESCRIPTION_MAX)} caractères au plus.`)
    .nullish(),
};

export const offerFieldsInput = z.object(offerFieldsShape);
export type OfferFieldsInput = z.input<typeof offerFieldsInput>;
export type OfferFields = z.output<typeof offerFieldsInput>;

const offerId = z.uuid("Identifiant d'offre invalide.");
const version = z.number().int().min(1);

/** Create a draft (no offerId) or save an existing draft. */
export const saveDraftInput = z.object({ ...offerFieldsShape, offerId: offerId.optional(), version: version.optional() });

/** Save the edits of an offer, from the version the form loaded. */
export const updateInput = z.object({ ...offerFieldsShape, offerId, version });

/** Publish from the form: a new offer (no offerId), or a draft with the form's fields. */
export const publishFromFormInput = saveDraftInput;

/** publish (a stored draft as it is), pause, resume, markFilled, close: from the version the page showed */
export const statusActionInput = z.object({ offerId, version });
export const offerIdInput = z.object({ offerId });
