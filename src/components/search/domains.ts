// The 14 ROME large domains (data/rome/unix_grand_domaine_v460_utf8.csv), in shorter words that
// fit a chip on a phone. The facets of the search come back as these letters.
export const ROME_LARGE_DOMAINS: Record<string, string> = {
  A: "Agriculture, espaces verts, animaux",
  B: "Arts et artisanat d'art",
  C: "Banque, assurance, immobilier",
  D: "Commerce, vente",
  E: "Communication, médias",
  F: "Bâtiment, travaux publics",
  G: "Hôtellerie, restauration, animation",
  H: "Industrie",
  I: "Installation, maintenance",
  J: "Santé",
  K: "Services à la personne",
  L: "Spectacle",
  M: "Support à l'entreprise",
  N: "Transport, logistique",
};

export function domainLabel(code: string): string {
  return ROME_LARGE_DOMAINS[code] ?? code;
}
