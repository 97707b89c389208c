import type { Metadata } from "next";
import Link from "next/link";
import { CompleteCvNotice } from "@/components/beneficiary-offers/CompleteCvNotice";
import { FilterBar } from "@/components/beneficiary-offers/FilterBar";
import { distanceLabel, plural, type TravelMode } from "@/components/beneficiary-offers/format";
import type { MapData } from "@/components/beneficiary-offers/map-types";
import { OfferCard, offerAnchor } from "@/components/beneficiary-offers/OfferCard";
import { ResultsView } from "@/components/beneficiary-offers/ResultsView";
import { offerFilters, parseOfferSearch } from "@/components/beneficiary-offers/search";
import styles from "@/components/beneficiary-offers/offers.module.css";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/auth/session";

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
  const [items, applications, instance] = await Promise.all([
    caller.matching.offersForBeneficiary({ limit: LIMIT, ...offerFilters(search) }),
    caller.applications.mine(),
    caller.instance.info(),
  ]);
  const applied = new Set(applications.flatMap((a) => (a.offer && a.status !== "withdrawn" ? [a.offer.id] : [])));
  const travelModes = profile.travelModes as TravelMode[];
  const radiusKm = search.distance ?? profile.maxDistanceKm;
  const today = new Date().toISOString().slice(0, 10);
  const filtered = Boolean(search.distance || search.contract || search.hours);

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
      <FilterBar limitKm={profile.maxDistanceKm} search={search} />
      {/* announced when a filter changes the list */}
      <p className={styles.count} role="status" data-testid="results-count">
        {items.length === 0
          ? "Aucune offre"
          : items.length === LIMIT
            ? `Les ${LIMIT} offres qui vous vont le mieux`
            : plural(items.length, "offre", "offres")}
        {` à moins de ${Math.round(radiusKm)} km`}
      </p>
      <ResultsView initialView={search.view} map={map}>
        {items.length === 0 ? (
          <Notice tone="info" title="Pas d'offre pour l'instant" live="none" className={styles.empty}>
            {filtered ? (
              <p>
                Essayez sans les filtres : <Link href="/beneficiaire/offres">voir toutes les offres</Link>.
              </p>
            ) : (
              <p>
                De nouvelles offres arrivent chaque semaine. Vous pouvez aussi ajouter des métiers ou aller plus loin
                dans <Link href="/beneficiaire/cv">votre CV</Link>.
              </p>
            )}
          </Notice>
        ) : (
          <>
            <h2 className="sr-only">Les offres, de la meilleure à la moins bonne</h2>
            <ol className={styles.cards}>
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
