import type { Metadata } from "next";
import Link from "next/link";
import { CompleteCvNotice } from "@/components/beneficiary-offers/CompleteCvNotice";
import { FilterBar } from "@/components/beneficiary-offers/FilterBar";
import { NothingNearby } from "@/components/beneficiary-offers/NothingNearby";
import { stepHref } from "@/components/cv/steps";
import { distanceLabel, plural, type TravelMode } from "@/components/ui/format";
import type { MapData } from "@/components/beneficiary-offers/map-types";
import { OfferCard, offerAnchor } from "@/components/beneficiary-offers/OfferCard";
import { ResultsView } from "@/components/beneficiary-offers/ResultsView";
import { offerFilters, parseOfferSearch, searchQuery, type OfferSearch } from "@/components/beneficiary-offers/search";
import cardStyles from "@/components/ui/cards/cards.module.css";
import { ApplyButton } from "@/components/beneficiary-offers/ApplyButton";
import { CONTRACT_CHIP_LABELS } from "@/server/offers/labels";
import { BeneficiarySearchResults } from "@/components/search/BeneficiarySearch";
import { FacetChips, facetOptions } from "@/components/search/FacetChips";
import { OfferHitCard } from "@/components/search/HitCards";
import { parsePublicSearch } from "@/components/search/params";
import { searchOfferPages } from "@/components/search/run";
import { SearchBox } from "@/components/search/SearchBox";
import { countSentence, OFFER_NOUN } from "@/components/search/words";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";
import { instanceToday } from "@/server/config/time-zone";

export const metadata: Metadata = { title: "Offres près de chez vous" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const LIMIT = 20;

export default async function OffersPage({ searchParams }: Props) {
  await requirePageRole(["beneficiary"], "/beneficiaire/offres");
  const caller = await serverCaller();
  const [{ profile }, params] = await Promise.all([caller.profile.mine(), searchParams]);
  const header = <PageHeader title="Offres près de chez vous" intro="Les offres qui vous vont le mieux sont en haut." />;

  if (!profile || profile.jobs.length === 0) {
    return (
      <div className="readable">
        {header}
        <CompleteCvNotice what="offres" />
      </div>
    );
  }

  const search = parseOfferSearch(params, profile.maxDistanceKm);
  const { q, page } = parsePublicSearch(params);
  // typing keeps the distance and contract chosen; the other filters belong to the ranked list
  const keep = Object.fromEntries(new URLSearchParams(searchQuery({ distance: search.distance, contract: search.contract })));
  const box = (
    <SearchBox
      id="recherche"
      label="Chercher une offre"
      hint="Un métier, un mot : les offres autour de chez vous, même sans rapport avec votre CV."
      initialQuery={q}
      keep={keep}
    />
  );
  if (q) {
    const travelModes = profile.travelModes as TravelMode[];
    return (
      <div className="readable">
        {header}
        {box}
        <SearchedOffers q={q} page={page} search={search} limitKm={profile.maxDistanceKm} travelModes={travelModes} />
      </div>
    );
  }

  const [items, applications, instance] = await Promise.all([
    caller.matching.offersForBeneficiary({ limit: LIMIT, ...offerFilters(search) }),
    caller.applications.mine(),
    caller.instance.info(),
  ]);
  const applied = new Set(applications.flatMap((a) => (a.offer && a.status !== "withdrawn" ? [a.offer.id] : [])));
  const travelModes = profile.travelModes as TravelMode[];
  const radiusKm = search.distance ?? profile.maxDistanceKm;
  const today = instanceToday();
  const filtered = Boolean(search.distance || search.contract || search.hours);
  // nothing within reach and no filter to loosen: what lies a bit further, and who can help
  const [further, adviser] =
    items.length === 0 && !filtered ? await Promise.all([caller.matching.offersFurther({}), caller.profile.myAdviser()]) : [null, null];

  const map: MapData = {
    home: profile.point,
    homeCommune: profile.commune?.name ?? null,
    radiusKm,
    styleUrl: instance.map.styleUrl,
    attribution: instance.map.attribution,
    kind: "offer",
    points: items.map((i) => ({
      id: i.id,
      title: i.offer.title,
      distance: distanceLabel(i.distanceKm),
      lat: i.offer.lat,
      lng: i.offer.lng,
      href: `#${offerAnchor(i.id)}`,
    })),
  };

  return (
    <div className="readable">
      {header}
      {box}
      <FilterBar limitKm={profile.maxDistanceKm} search={search} />
      {/* announced when a filter changes the list */}
      <p className={cardStyles.count} role="status" data-testid="results-count">
        {items.length === 0
          ? "Aucune offre"
          : items.length === LIMIT
            ? `Les ${LIMIT} offres qui vous vont le mieux`
            : plural(items.length, "offre", "offres")}
        {` à moins de ${Math.round(radiusKm)} km`}
      </p>
      <ResultsView initialView={search.view} map={map}>
        {items.length === 0 && adviser ? (
          <NothingNearby
            further={further}
            mobility={{ travelModes, drivingLicence: profile.drivingLicence, hasVehicle: profile.hasVehicle }}
            mobilityHelp={instance.mobilityHelp}
            adviser={adviser}
            organisation={instance.organisation}
            mobilityStepHref={stepHref("mobility")}
          />
        ) : items.length === 0 ? (
          <Notice tone="info" title="Pas d'offre pour l'instant" live="none" className={cardStyles.empty}>
            <p>
              Essayez sans les filtres : <Link href="/beneficiaire/offres">voir toutes les offres</Link>.
            </p>
          </Notice>
        ) : (
          <>
            <h2 className="sr-only">Les offres, de la meilleure à la moins bonne</h2>
            <ol className={cardStyles.cards}>
              {items.map((item) => (
                <li key={item.id}>
                  <OfferCard item={item} travelModes={travelModes} applied={applied.has(item.id)} today={today} />
                </li>
              ))}
            </ol>
          </>
        )}
      </ResultsView>
    </div>
  );
}

const PATH = "/beneficiaire/offres";

/** The page while the box holds words: the offers found around home instead of the ranked list. */
async function SearchedOffers({
  q,
  page,
  search,
  limitKm,
  travelModes,
}: {
  q: string;
  page: number;
  search: OfferSearch;
  limitKm: number;
  travelModes: TravelMode[];
}) {
  const caller = await serverCaller();
  const radiusKm = Math.min(200, Math.max(1, search.distance ?? limitKm));
  const [result, applications] = await Promise.all([
    searchOfferPages(
      caller,
      { q, near: { home: true }, radiusKm, ...(search.contract ? { contracts: [search.contract] } : {}) },
      page,
    ),
    caller.applications.mine(),
  ]);
  const applied = new Set(applications.flatMap((a) => (a.offer && a.status !== "withdrawn" ? [a.offer.id] : [])));
  const today = instanceToday();
  const href = (change: Partial<OfferSearch>, nextPage = 1) => {
    const params = new URLSearchParams(searchQuery({ distance: search.distance, contract: search.contract, ...change }));
    params.set("q", q);
    if (nextPage > 1) params.set("page", String(nextPage));
    return `${PATH}?${params.toString()}`;
  };
  return (
    <BeneficiarySearchResults
      count={countSentence({ total: result.total, noun: OFFER_NOUN, q, radiusKm, around: "de chez vous" })}
      facets={
        <FacetChips
          id="filtre-contrat-recherche"
          label="Contrat :"
          options={facetOptions(result.facets.contract, CONTRACT_CHIP_LABELS, search.contract, (c) =>
            href({ contract: c as OfferSearch["contract"] }),
          )}
        />
      }
      total={result.total}
      shown={result.hits.length}
      page={page}
      moreHref={href({}, page + 1)}
      backHref={`${PATH}${searchQuery({ distance: search.distance, contract: search.contract })}`}
      backLabel="Revoir les offres qui vous vont le mieux"
      emptyTitle="Pas d'offre pour cette recherche"
      listLabel="Les offres trouvées"
    >
      {result.hits.map((hit, i) => (
        <li key={hit.id} id={`n${i + 1}`}>
          <OfferHitCard
            hit={hit}
            href={`${PATH}/${hit.id}`}
            today={today}
            travelModes={travelModes}
            action={(headingId) => (
              <ApplyButton kind="offer" targetId={hit.id} headingId={headingId} alreadySent={applied.has(hit.id)} />
            )}
          />
        </li>
      ))}
    </BeneficiarySearchResults>
  );
}
