import type { PickedCommune } from "@/components/ui/pickers/communes";
import { CommuneFilter } from "./CommuneFilter";
import { FacetChips } from "./FacetChips";
import { DEFAULT_RADIUS_KM, publicSearchQuery, RADIUS_STEPS, type PublicSearch } from "./params";

/** Where: a commune, then how far around it (5 to 50 km, or "Partout"). */
export function PlaceFilter({
  pathname,
  search,
  commune,
}: {
  pathname: string;
  search: PublicSearch;
  commune: PickedCommune | null;
}) {
  const href = (change: Partial<PublicSearch>) => `${pathname}${publicSearchQuery({ ...search, page: 1, ...change })}`;
  // the URL the commune field adds ?commune= to: the other filters, back to the first page
  const keep: Record<string, string> = Object.fromEntries(
    new URLSearchParams(publicSearchQuery({ ...search, commune: null, page: 1 })),
  );
  if (search.rayon !== DEFAULT_RADIUS_KM) keep.rayon = String(search.rayon);
  return (
    <>
      <CommuneFilter key={commune?.insee ?? "partout"} value={commune} keep={keep} />
      {commune ? (
        <FacetChips
          id="filtre-rayon"
          label={`Distance autour de ${commune.name} :`}
          options={[
            ...RADIUS_STEPS.map((km) => ({
              key: String(km),
              label: `${km} km`,
              href: href({ rayon: km }),
              selected: search.rayon === km,
            })),
            { key: "partout", label: "Partout", href: href({ commune: null }), selected: false },
          ]}
        />
      ) : null}
    </>
  );
}
