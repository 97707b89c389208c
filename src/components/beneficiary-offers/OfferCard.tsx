import Link from "next/link";
import { ApplyButton } from "./ApplyButton";
import { NearPlace } from "@/components/ui/cards/Facts";
import { OfferFacts } from "./Facts";
import { reasonChips, type TravelMode } from "@/components/ui/format";
import { IconStar } from "@/components/ui/icons";
import cardStyles from "@/components/ui/cards/cards.module.css";
import type { RouterOutputs } from "@/lib/trpc/types";
import styles from "./offers.module.css";

type RankedOffer = RouterOutputs["matching"]["offersForBeneficiary"][number];

/** What the card needs of a ranked offer (matching.offersForBeneficiary). */
export type OfferCardItem = Pick<RankedOffer, "rank" | "id" | "score" | "distanceKm" | "reasons"> & {
  offer: Pick<
    RankedOffer["offer"],
    | "title"
    | "employerName"
    | "communeName"
    | "contract"
    | "hoursPerWeek"
    | "shifts"
    | "licenceRequired"
    | "vehicleRequired"
    | "startsOn"
    | "description"
  >;
};

export const offerAnchor = (id: string) => `offre-${id}`;

/** One offer in the ranked list: what, who, where, how far, why it fits, and "Postuler". */
export function OfferCard({
  item,
  travelModes,
  applied,
  today,
}: {
  item: OfferCardItem;
  travelModes: TravelMode[];
  applied: boolean;
  /** YYYY-MM-DD, to say "dès maintenant" for offers that have started */
  today: string;
}) {
  const { offer } = item;
  const anchor = offerAnchor(item.id);
  const headingId = `${anchor}-titre`;
  const reasons = reasonChips(item.reasons);
  return (
    <article
      className={cardStyles.card}
      id={anchor}
      aria-labelledby={headingId}
      tabIndex={-1}
      data-testid="offer-card"
      data-rank={item.rank}
      data-score={item.score}
      data-distance-km={item.distanceKm}
    >
      <h3 id={headingId} className={cardStyles.cardTitle}>
        <Link href={`/beneficiaire/offres/${item.id}`}>{offer.title}</Link>
      </h3>
      <OfferFacts
        offer={offer}
        place={<NearPlace communeName={offer.communeName} distanceKm={item.distanceKm} />}
        distanceKm={item.distanceKm}
        travelModes={travelModes}
        today={today}
      />
      {reasons.length ? (
        <ul className={styles.reasons} aria-label="Pourquoi cette offre vous va">
          {reasons.map((r) => (
            <li key={r}>
              <IconStar size="1em" />
              <span>{r}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {offer.description ? (
        <details className={styles.more}>
          <summary>Lire l'offre en entier</summary>
          <p>{offer.description}</p>
        </details>
      ) : null}
      <ApplyButton kind="offer" targetId={item.id} headingId={headingId} alreadySent={applied} />
    </article>
  );
}
