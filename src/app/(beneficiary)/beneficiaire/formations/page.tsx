import type { Metadata } from "next";
import Link from "next/link";
import { CompleteCvNotice } from "@/components/beneficiary-offers/CompleteCvNotice";
import { distanceLabel, plural, type TravelMode } from "@/components/ui/format";
import { FormationCard, formationAnchor } from "@/components/beneficiary-offers/FormationCard";
import type { MapData } from "@/components/beneficiary-offers/map-types";
import { ResultsView } from "@/components/beneficiary-offers/ResultsView";
import { parseView } from "@/components/beneficiary-offers/search";
import cardStyles from "@/components/ui/cards/cards.module.css";
import { ApplyButton } from "@/components/beneficiary-offers/ApplyButton";
import { BeneficiarySearchResults } from "@/components/search/BeneficiarySearch";
import { ROME_LARGE_DOMAINS } from "@/components/search/domains";
import { FacetChips, facetOptions } from "@/components/search/FacetChips";
import { FormationHitCard } from "@/components/search/HitCards";
import { parsePublicSearch } from "@/components/search/params";
import { searchFormationPages } from "@/components/search/run";
import { SearchBox } from "@/components/search/SearchBox";
import { countSentence, FORMATION_NOUN } from "@/components/search/words";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";
import { instanceToday } from "@/server/config/time-zone";

export const metadata: Metadata = { title: "Formations près de chez vous" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const LIMIT = 20;

export default async function FormationsPage({ searchParams }: Props) {
  await requirePageRole(["beneficiary"], "/beneficiaire/formations");
  const caller = await serverCaller();
  const [{ profile }, params] = await Promise.all([caller.profile.mine(), searchParams]);
  const header = (
    <PageHeader
      title="Formations près de chez vous"
      intro="Des formations qui mènent aux métiers que vous cherchez. Les plus proches de votre projet sont en haut."
    />
  );

  if (!profile || profile.jobs.length === 0) {
    return (
      <div className="readable">
        {header}
        <CompleteCvNotice what="formations" />
      </div>
    );
  }

  const { q, page, domaine } = parsePublicSearch(params);
  const box = (
    <SearchBox
      id="recherche"
      label="Chercher une formation"
      hint="Un métier, un mot : les formations autour de chez vous."
      initialQuery={q}
      keep={domaine ? { domaine } : {}}
    />
  );
  if (q) {
    const travelModes = profile.travelModes as TravelMode[];
    return (
      <div className="readable">
        {header}
        {box}
        <SearchedFormations q={q} page={page} domaine={domaine} limitKm={profile.maxDistanceKm} travelModes={travelModes} />
      </div>
    );
  }

  const [items, applications, instance] = await Promise.all([
    caller.matching.formationsForBeneficiary({ limit: LIMIT }),
    caller.applications.mine(),
    caller.instance.info(),
  ]);
  const applied = new Set(
    applications.flatMap((a) => (a.formation && a.status !== "withdrawn" ? [a.formation.id] : [])),
  );
  const travelModes = profile.travelModes as TravelMode[];

  const map: MapData = {
    home: profile.point,
    homeCommune: profile.commune?.name ?? null,
    radiusKm: profile.maxDistanceKm,
    styleUrl: instance.map.styleUrl,
    attribution: instance.map.attribution,
    kind: "formation",
    points: items.map((i) => ({
      id: i.id,
      title: i.formation.title,
      distance: distanceLabel(i.distanceKm),
      lat: i.formation.lat,
      lng: i.formation.lng,
      href: `#${formationAnchor(i.id)}`,
    })),
  };

  return (
    <div className="readable">
      {header}
      {box}
      {/* announced when a search replaces the list */}
      <p className={cardStyles.count} role="status" data-testid="results-count">
        {items.length === 0 ? "Aucune formation" : plural(items.length, "formation", "formations")}
        {` à moins de ${Math.round(profile.maxDistanceKm)} km`}
      </p>
      <ResultsView initialView={parseView(params)} map={map}>
        {items.length === 0 ? (
          <Notice tone="info" title="Pas de formation pour l'instant" live="none" className={cardStyles.empty}>
            <p>
              De nouvelles formations sont publiées chaque mois. Votre conseiller peut aussi vous en proposer. Pensez à
              mettre à jour <Link href="/beneficiaire/cv">votre CV</Link>.
            </p>
          </Notice>
        ) : (
          <>
            <h2 className="sr-only">Les formations, de la plus proche de votre projet à la moins proche</h2>
            <ol className={cardStyles.cards}>
              {items.map((item) => (
                <li key={item.id}>
                  <FormationCard item={item} travelModes={travelModes} applied={applied.has(item.id)} />
                </li>
              ))}
            </ol>
          </>
        )}
      </ResultsView>
    </div>
  );
}

const PATH = "/beneficiaire/formations";

/** The page while the box holds words: the formations found around home instead of the ranked list. */
async function SearchedFormations({
  q,
  page,
  domaine,
  limitKm,
  travelModes,
}: {
  q: string;
  page: number;
  domaine: string | null;
  limitKm: number;
  travelModes: TravelMode[];
}) {
  const caller = await serverCaller();
  const radiusKm = Math.min(200, Math.max(1, limitKm));
  const [result, applications] = await Promise.all([
    searchFormationPages(caller, { q, near: { home: true }, radiusKm, ...(domaine ? { domains: [domaine] } : {}) }, page),
    caller.applications.mine(),
  ]);
  const applied = new Set(
    applications.flatMap((a) => (a.formation && a.status !== "withdrawn" ? [a.formation.id] : [])),
  );
  const today = instanceToday();
  const href = (nextDomain: string | null, nextPage = 1) => {
    const params = new URLSearchParams({ q });
    if (nextDomain) params.set("domaine", nextDomain);
    if (nextPage > 1) params.set("page", String(nextPage));
    return `${PATH}?${params.toString()}`;
  };
  return (
    <BeneficiarySearchResults
      count={countSentence({ total: result.total, noun: FORMATION_NOUN, q, radiusKm, around: "de chez vous" })}
      facets={
        <FacetChips
          id="filtre-domaine-recherche"
          label="Domaine :"
          options={facetOptions(result.facets.domain, ROME_LARGE_DOMAINS, domaine, (d) => href(d))}
        />
      }
      total={result.total}
      shown={result.hits.length}
      page={page}
      moreHref={href(domaine, page + 1)}
      backHref={PATH}
      backLabel="Revoir les formations proches de votre projet"
      emptyTitle="Pas de formation pour cette recherche"
      listLabel="Les formations trouvées"
    >
      {result.hits.map((hit, i) => (
        <li key={hit.id} id={`n${i + 1}`}>
          <FormationHitCard
            hit={hit}
            href={null}
            today={today}
            travelModes={travelModes}
            action={(headingId) => (
              <ApplyButton kind="formation" targetId={hit.id} headingId={headingId} alreadySent={applied.has(hit.id)} />
            )}
          />
        </li>
      ))}
    </BeneficiarySearchResults>
  );
}
