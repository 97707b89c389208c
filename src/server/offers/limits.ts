// Client-safe: plain numbers (no import), read by the offer's input schema and checks
// (inputs.ts, validate.ts), the offer form and the CSV import of offers, so a line of a
// file is held to the same limits as the form.

export const OFFER_TITLE_MAX = 150;
export const OFFER_ADDRESS_MAX = 200;
export const OFFER_DESCRIPTION_MAX = 5000;
/** required skills, and wished skills, each */
export const OFFER_SKILLS_MAX = 40;
/** how far from the workplace candidates are looked for */
export const RADIUS_MIN_KM = 1;
export const RADIUS_MAX_KM = 200;
export const HOURS_MIN = 1;
/** the legal weekly maximum */
export const HOURS_MAX = 48;
export const POSITIONS_MIN = 1;
export const POSITIONS_MAX = 999;
