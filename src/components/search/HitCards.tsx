import Link from "next/link";
import type { ReactNode } from "react";
import { Fact, TravelFact } from "@/components/ui/cards/Facts";
import { dateLabel, distanceLabel, type TravelMode } from "@/components/ui/format";
import { IconBuilding, IconCalendarSmall as IconCalendar, IconContract, IconPinSmall as IconPin } from "@/components/ui/icons";
import cardStyles from "@/components/ui/cards/cards.module.css";
import type { RouterOutputs } from "@/lib/trpc/types";
import { CONTRACT_LABELS } from "@/server/offers/labels";
import { domainLabel } from "./domains";
import styles from "./search.module.css";

type OfferHit = RouterOutputs["search"]["offers"]["hits"][number];
type FormationHit = RouterOutputs["search"]["formations"]["hits"][number];

export const hitAnchor = (id: string) => `resultat-${id}`;

/** "Blois · à 3 km" when the search had a place, else the commune alone. */
function Place({ communeName, distanceKm }: { communeName: string; distanceKm: number | null }) {
  if (distanceKm === null) return <>{communeName}</>;
  return (
    <>
      {communeName ? `${communeName} · ` : null}
      <strong className={cardStyles.distance}>{distanceLabel(distanceKm)}</strong>
    </>
  );
}

type CardProps<Hit> = {
  hit: Hit;
  /** where the title leads (the offer's page, or sign-in first for a visitor) */
  href: string | null;
  /** YYYY-MM-DD, to say "dès maintenant" for what has started */
  today: string;
  /** the beneficiary's ways of travelling, for "≈ 10 min en voiture" */
  travelModes?: TravelMode[];
  /** under the facts: "Postuler" on the beneficiary's pages */
  action?: (headingId: string) => ReactNode;
};

/** The card both kinds share: title, who, where (how far), what kind, when. */
function HitCard({
  hit,
  href,
  travelModes,
  action,
  owner,
  kind,
  start,
  contract,
}: Omit<CardProps<{ id: string; title: string; communeName: string; distanceKm: number | null }>, "today"> & {
  owner: string;
  /** the contract, or the formation's fields (none: no line) */
  kind: string | null;
  start: string;
  /** offers only: the chips' tests read it */
  contract?: string;
}) {
  const anchor = hitAnchor(hit.id);
  const headingId = `${anchor}-titre`;
  return (
    <article
      className={cardStyles.card}
      id={anchor}
      aria-labelledby={headingId}
      tabIndex={-1}
      data-testid="search-hit"
      data-contract={contract}
      data-commune={hit.communeName}
      data-distance-km={hit.distanceKm ?? undefined}
    >
      <h3 id={headingId} className={`${cardStyles.cardTitle} ${styles.cardLink}`}>
        {href ? <Link href={href}>{hit.title}</Link> : hit.title}
      </h3>
      <ul className={cardStyles.facts}>
        <Fact icon={<IconBuilding />}>{owner}</Fact>
        <Fact icon={<IconPin />}>
          <Place communeName={hit.communeName} distanceKm={hit.distanceKm} />
        </Fact>
        {travelModes ? <TravelFact distanceKm={hit.distanceKm} travelModes={travelModes} /> : null}
        {kind ? <Fact icon={<IconContract />}>{kind}</Fact> : null}
        <Fact icon={<IconCalendar />}>{start}</Fact>
      </ul>
      {action?.(headingId)}
    </article>
  );
}

/** One offer found by the search: what, who, where (how far), which contract, when. */
export function OfferHitCard({ hit, today, ...rest }: CardProps<OfferHit>) {
  return (
    <HitCard
      hit={hit}
      {...rest}
      owner={hit.employerName}
      kind={CONTRACT_LABELS[hit.contract] ?? hit.contract}
      start={hit.startsOn > today ? `Début le ${dateLabel(hit.startsOn)}` : "Début dès maintenant"}
      contract={hit.contract}
    />
  );
}

/** One formation found by the search: what, who, where (how far), which field, when. */
export function FormationHitCard({ hit, today, ...rest }: CardProps<FormationHit>) {
  return (
    <HitCard
      hit={hit}
      {...rest}
      owner={hit.providerName}
      kind={hit.domains.length ? hit.domains.map(domainLabel).join(" · ") : null}
      start={hit.startsOn > today ? `Début le ${dateLabel(hit.startsOn)}` : "Déjà commencée"}
    />
  );
}
