// Client-safe: plain constants and types only (no database, Drizzle or Node import), so the
// server, the CV wizard and the pages that show a CV read the same words from here.
//
// A code has several wordings where it sits in different sentences (a chip, the middle of a
// sentence, after a travel time); they are side by side here so that they change together.

/** How a person can travel; schema.ts types its column with it. */
export const TRAVEL_MODES = ["walk", "bike", "public_transport", "car", "two_wheeler", "carpool"] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];
export const DRIVING_LICENCES = ["none", "in_progress", "B", "other"] as const;
export type DrivingLicence = (typeof DRIVING_LICENCES)[number];

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const mapValues = <K extends string>(o: Record<K, string>, f: (s: string) => string) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v as string)])) as Record<K, string>;

/** The wizard's chips, and the list of means on the person's CV: "À pied", "Bus ou train". */
export const TRAVEL_MODE_LABELS: Record<TravelMode, string> = {
  walk: "À pied",
  bike: "À vélo",
  public_transport: "Bus ou train",
  car: "Voiture",
  two_wheeler: "Scooter ou moto",
  carpool: "Covoiturage",
};

/** The same inside a sentence (a recruiter reading a CV): "à pied, bus ou train". */
export const TRAVEL_MODE_INLINE: Record<TravelMode, string> = mapValues(TRAVEL_MODE_LABELS, lowerFirst);

/** After a time or a verb: "≈ 15 min en voiture", "se déplace à vélo" (offer cards, CV PDF, personal-data export). */
export const TRAVEL_MODE_WORDS: Record<TravelMode, string> = {
  walk: "à pied",
  bike: "à vélo",
  public_transport: "en bus ou en train",
  car: "en voiture",
  two_wheeler: "en deux-roues",
  carpool: "en covoiturage",
};

/** The wizard's choices and the person's own CV page. */
export const DRIVING_LICENCE_LABELS: Record<DrivingLicence, string> = {
  none: "Pas de permis",
  in_progress: "Permis en cours",
  B: "Permis B (voiture)",
  other: "Un autre permis",
};

/** What a recruiter reads on a candidate's card and CV. */
export const DRIVING_LICENCE_SHORT: Record<DrivingLicence, string> = { ...DRIVING_LICENCE_LABELS, B: "Permis B" };

/** What a training organisation reads about an applicant. */
export const DRIVING_LICENCE_FOR_TRAINING: Record<DrivingLicence, string> = { ...DRIVING_LICENCE_SHORT, other: "Permis (autre que B)" };

/** The printed CV ("Autre permis"); the personal-data export writes it in lower case. */
export const DRIVING_LICENCE_DOCUMENT: Record<DrivingLicence, string> = { ...DRIVING_LICENCE_SHORT, other: "Autre permis" };
export const DRIVING_LICENCE_DOCUMENT_INLINE: Record<DrivingLicence, string> = mapValues(DRIVING_LICENCE_DOCUMENT, lowerFirst);
