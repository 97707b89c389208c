// Client-safe: plain constants and types only (no database, Drizzle or Node import), so the
// server and client components read the same words from here.

/** The kinds of contract an offer (or a placement) can have; schema.ts types its column with it. */
export const CONTRACTS = ["cdi", "cdd", "interim", "insertion", "apprenticeship", "seasonal"] as const;
export type Contract = (typeof CONTRACTS)[number];

export const CONTRACT_LABELS: Record<Contract, string> = {
  cdi: "CDI",
  cdd: "CDD",
  interim: "Intérim",
  insertion: "Contrat d'insertion (IAE)",
  apprenticeship: "Apprentissage",
  seasonal: "Saisonnier",
};

/** Shorter words for the filter chips and facets. */
export const CONTRACT_CHIP_LABELS: Record<Contract, string> = {
  ...CONTRACT_LABELS,
  insertion: "Insertion",
};

/** draft → published ⇄ paused → filled | closed; a published offer past its expiry date is shown as expired. */
export const OFFER_STATUSES = ["draft", "published", "paused", "filled", "closed"] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
