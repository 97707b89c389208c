// Client-safe: plain numbers (no import), read by the CV wizard's input schemas (inputs.ts),
// its forms and the CSV import of beneficiaries, so both are held to the same limits.

/** how far a person can travel, when given in kilometres */
export const TRAVEL_DISTANCE_MIN_KM = 1;
export const TRAVEL_DISTANCE_MAX_KM = 200;
/** ... or in minutes of travel */
export const TRAVEL_MINUTES_MIN = 5;
export const TRAVEL_MINUTES_MAX = 180;
export const SOUGHT_JOBS_MAX = 5;
export const DONE_JOBS_MAX = 10;
export const JOB_YEARS_MAX = 50;
export const SKILLS_MAX = 80;
export const FORMATIONS_MAX = 20;
export const FORMATION_TITLE_MAX = 150;
export const ABOUT_MAX = 1000;
