import { addMonths } from "../../lib/dates";
import type { OfferFields } from "./inputs";
import { HOURS_MAX, HOURS_MIN, POSITIONS_MAX, POSITIONS_MIN, RADIUS_MAX_KM, RADIUS_MIN_KM } from "./limits";

// Field-by-field checks of an offer, in French, without the database (the job code, the
// commune and the skills are checked against the referential in manage.ts).

export { HOURS_MAX, POSITIONS_MAX, RADIUS_MAX_KM } from "./limits";
/** An offer with no expiry date given expires this many months after it starts (or is published). */
export const DEFAULT_VALIDITY_MONTHS = 2;

export const MESSAGES = {
  titleOrJob: "Donnez au moins un intitulé ou un métier pour enregistrer le brouillon.",
  job: "Choisissez un métier dans la liste.",
  commune: "Choisissez la commune du poste dans la liste, ou utilisez votre position.",
  radiusMissing: "Indiquez jusqu'à quelle distance chercher des candidats.",
  radiusRange: `La distance doit être comprise entre ${RADIUS_MIN_KM} et ${RADIUS_MAX_KM} km.`,
  contract: "Choisissez le type de contrat.",
  hoursMissing: "Indiquez le nombre d'heures par semaine.",
  hoursRange: `Le nombre d'heures doit être compris entre ${HOURS_MIN} et ${HOURS_MAX} par semaine.`,
  shifts: "Cochez au moins un horaire.",
  positionsMissing: "Indiquez le nombre de postes à pourvoir.",
  positionsRange: `Le nombre de postes doit être au moins ${POSITIONS_MIN}.`,
  positionsMax: `${POSITIONS_MAX} postes au plus.`,
  positionsWhole: "Le nombre de postes doit être un nombre entier.",
  startMissing: "Indiquez la date de début.",
  startPast: "La date de début est déjà passée : choisissez aujourd'hui ou une date à venir.",
  expiryPast: "La date d'expiration est déjà passée : choisissez aujourd'hui ou une date à venir.",
  expiryBeforeStart: "La date d'expiration doit être le même jour ou après la date de début.",
  description: "Décrivez le poste en quelques lignes.",
  skillsBoth: "Une compétence ne peut pas être à la fois exigée et souhaitée.",
  skillsUnknown: "Choisissez les compétences dans la liste du métier.",
} as const;

export type ValidateOptions = {
  /** "draft": only what is given is checked (and a title or a job is needed); "publish": everything the matcher needs */
  mode: "draft" | "publish";
  /** YYYY-MM-DD in the département's time zone */
  today: string;
  /**
   * The dates already stored on a published (or paused) offer: a running offer that started
   * last month keeps its start date without being told it is in the past.
   */
  keptDates?: { startsOn: string | null; expiresOn: string | null };
};

const blank = (s: string | null | undefined) => !s || !s.trim();

export function validateOfferFields(f: OfferFields, opts: ValidateOptions): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => {
    (errors[field] ??= []).push(message);
  };
  const publishing = opts.mode === "publish";

  if (!publishing && blank(f.title) && blank(f.jobCode)) add("title", MESSAGES.titleOrJob);
  if (publishing && blank(f.jobCode)) add("jobCode", MESSAGES.job);
  if (publishing && blank(f.communeInsee) && !f.point) add("communeInsee", MESSAGES.commune);

  if (f.radiusKm == null) {
    if (publishing) add("radiusKm", MESSAGES.radiusMissing);
  } else if (f.radiusKm < RADIUS_MIN_KM || f.radiusKm > RADIUS_MAX_KM) add("radiusKm", MESSAGES.radiusRange);

  if (publishing && !f.contract) add("contract", MESSAGES.contract);

  if (f.hoursPerWeek == null) {
    if (publishing) add("hoursPerWeek", MESSAGES.hoursMissing);
  } else if (f.hoursPerWeek < HOURS_MIN || f.hoursPerWeek > HOURS_MAX) add("hoursPerWeek", MESSAGES.hoursRange);

  if (publishing && f.shifts.length === 0) add("shifts", MESSAGES.shifts);

  if (f.positions == null) {
    if (publishing) add("positions", MESSAGES.positionsMissing);
  } else if (f.positions < POSITIONS_MIN) add("positions", MESSAGES.positionsRange);
  else if (!Number.isInteger(f.positions)) add("positions", MESSAGES.positionsWhole);
  else if (f.positions > POSITIONS_MAX) add("positions", MESSAGES.positionsMax);

  const kept = opts.keptDates;
  if (!f.startsOn) {
    if (publishing) add("startsOn", MESSAGES.startMissing);
  } else if (f.startsOn < opts.today && f.startsOn !== kept?.startsOn) add("startsOn", MESSAGES.startPast);

  if (f.expiresOn) {
    if (f.expiresOn < opts.today && f.expiresOn !== kept?.expiresOn) add("expiresOn", MESSAGES.expiryPast);
    else if (f.startsOn && f.expiresOn < f.startsOn) add("expiresOn", MESSAGES.expiryBeforeStart);
  }

  if (publishing && blank(f.description)) add("description", MESSAGES.description);

  const required = new Set(f.requiredSkills);
  if (f.wishedSkills.some((c) => required.has(c))) add("wishedSkills", MESSAGES.skillsBoth);
  return errors;
}

/** The expiry date of an offer published without one: two months after it starts, or after today for one already started. */
export function defaultExpiry(startsOn: string, today: string): string {
  return addMonths(startsOn > today ? startsOn : today, DEFAULT_VALIDITY_MONTHS);
}
