// Client-safe: imported by browser code too, so it imports only other client-safe files (checked by dependency-cruiser).
// Limits of a formation's fields, shared by the input schema and the form (no imports: the
// browser bundle reads it).

export const TITLE_MAX = 150;
export const DESCRIPTION_MAX = 4000;
export const PREREQUISITES_MAX = 2000;
export const FUNDING_MAX = 500;
export const SEATS_MAX = 500;
export const COST_MAX = 100_000;
export const JOBS_MAX = 5;
