import { ApplyButton } from "./ApplyButton";
import { Fact, NearPlace, TravelFact } from "@/components/ui/cards/Facts";
import { dateRangeLabel, reasonChips, seatsLabel, type TravelMode } from "@/components/ui/format";
import {
  IconBuilding,
  IconCalendarSmall as IconCalendar,
  IconPinSmall as IconPin,
  IconSeats,
  IconStar,
} from "@/components/ui/icons";
import cardStyles from "@/components/ui/cards/cards.module.css";
import type { RouterOutputs } from "@/lib/trpc/types";
import styles from "./offers.module.css";

type RankedFormation = RouterOutputs["matching"]["formationsForBeneficiary"][number];

/** What the card needs of a ranked formation (matching.formationsForBeneficiary). */
export type FormationCardItem = Pick<RankedFormation, "rank" | "id" | "score" | "distanceKm" | "reasons"> & {
  formation: Pick<
    RankedFormation["formation"],
    "title" | "providerName" | "communeName" | "startsOn" | "endsOn" | "seats" | "description"
  >;
};

export const formationAnchor = (id: string) => `formation-${id}`;

/** One formation in the ranked list: what, who, where, how far, when, how many seats, "M'inscrire". */
export function FormationCard({
  item,
  travelModes,
  applied,
}: {
  item: FormationCardItem;
  travelModes: TravelMode[];
  applied: boolean;
}) {
  const { formation } = item;
  const anchor = formationAnchor(item.id);
  const headingId = `${anchor}-titre`;
  const seats = seatsLabel(formation.seats);
  const reasons = reasonChips(item.reasons);
  return (
    <article
      className={cardStyles.card}
      id={anchor}
      aria-labelledby={headingId}
      tabIndex={-1}
      data-testid="formation-card"
      data-rank={item.rank}
      data-score={item.score}
      data-distance-km={item.distanceKm}
    >
      <h3 id={headingId} className={cardStyles.cardTitle}>
        {formation.title}
      </h3>
      <ul className={cardStyles.facts}>
        <Fact icon={<IconBuilding />}>{formation.providerName}</Fact>
        <Fact icon={<IconPin />}>
          <NearPlace communeName={formation.communeName} distanceKm={item.distanceKm} />
        </Fact>
        <TravelFact distanceKm={item.distanceKm} travelModes={travelModes} />
        <Fact icon={<IconCalendar />}>{capitalize(dateRangeLabel(formation.startsOn, formation.endsOn))}</Fact>
        {seats ? <Fact icon={<IconSeats />}>{seats}</Fact> : null}
      </ul>
      {reasons.length ? (
        <ul className={styles.reasons} aria-label="Pourquoi cette formation vous va">
          {reasons.map((r) => (
            <li key={r}>
              <IconStar size="1em" />
              <span>{r}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {formation.description ? (
        <details className={styles.more}>
          <summary>Lire la présentation</summary>
          <p>{formation.description}</p>
        </details>
      ) : null}
      <ApplyButton kind="formation" targetId={item.id} headingId={headingId} alreadySent={applied} />
    </article>
  );
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
