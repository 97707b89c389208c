// The sentence over the results, read out by screen readers when it changes (role="status").
import { plural } from "@/components/ui/format";

type Noun = { one: string; many: string; none: string };

export const OFFER_NOUN: Noun = { one: "offre", many: "offres", none: "Aucune offre" };
export const FORMATION_NOUN: Noun = { one: "formation", many: "formations", none: "Aucune formation" };

/** "3 offres pour « magasinier » à moins de 10 km de Blois", "Aucune offre pour « xyz »". */
export function countSentence({
  total,
  noun,
  q,
  radiusKm,
  around,
}: {
  total: number;
  noun: Noun;
  q: string;
  radiusKm?: number | null;
  /** "de Blois", "de chez vous" */
  around?: string | null;
}): string {
  const head = total === 0 ? noun.none : plural(total, noun.one, noun.many);
  const words = q ? ` pour « ${q.length > 60 ? `${q.slice(0, 60)}…` : q} »` : "";
  const place = radiusKm && around ? ` à moins de ${Math.round(radiusKm)} km ${around}` : "";
  return `${head}${words}${place}`;
}

/** "de Blois", "d'Orléans" */
export function ofCommune(name: string): string {
  return /^[aeiouyâéèêîôûh]/i.test(name) ? `d'${name}` : `de ${name}`;
}
