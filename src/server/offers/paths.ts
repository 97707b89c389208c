// Client-safe: the addresses of an offer's recruiting pages (the pages and the messages that link to them share them).

/** The route segments of the recruiting pages. */
export const recruitingPaths = (offerId: string) => ({
  offer: `/employeur/offres/${offerId}`,
  candidates: `/employeur/offres/${offerId}/candidats`,
  candidate: (candidateId: string) => `/employeur/offres/${offerId}/candidats/${candidateId}`,
  inbox: `/employeur/offres/${offerId}/candidatures`,
});
