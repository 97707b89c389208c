import type { Metadata } from "next";
import Link from "next/link";
import { CompleteCvNotice } from "@/components/beneficiary-offers/CompleteCvNotice";
import { distanceLabel, plural, type TravelMode } from "@/components/beneficiary-offers/format";
import { FormationCard, formationAnchor } from "@/components/beneficiary-offers/FormationCard";
import type { MapData } from "@/components/beneficiary-offers/map-types";
import { ResultsView } from "@/components/beneficiary-offers/ResultsView";
import { parseView } from "@/components/beneficiary-offers/search";
import styles from "@/components/beneficiary-offers/offers.module.css";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/auth/session";

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
      <p className={styles.count} data-testid="results-count">
        {items.length === 0 ? "Aucune formation" : plural(items.length, "formation", "formations")}
        {` à moins de ${Math.round(profile.maxDistanceKm)} km`}
      </p>
      <ResultsView initialView={parseView(params)} map={map}>
        {items.length === 0 ? (
          <Notice tone="info" title="Pas de formation pour l'instant" live="none" className={styles.empty}>
            <p>
              De nouvelles formations sont publiées chaque mois. Votre conseiller peut aussi vous en proposer. Pensez à
              mettre à jour <Link href="/beneficiaire/cv">votre CV</Link>.
            </p>
          </Notice>
        ) : (
          <>
            <h2 className="sr-only">Les formations, de la plus proche de votre projet à la moins proche</h2>
            <ol className={styles.cards}>
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
