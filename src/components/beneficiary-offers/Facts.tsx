import type { ReactNode } from "react";
import { CONTRACT_LABELS } from "@/server/offers/labels";
import {
  dateLabel,
  distanceLabel,
  fastestMode,
  hoursLabel,
  plural,
  shiftsLabel,
  travelHint,
  type TravelMode,
} from "./format";
import { IconBuilding, IconCalendar, IconCar, IconClock, IconContract, IconPin, IconSeats, TravelModeIcon } from "./icons";
import styles from "./offers.module.css";
import type { OfferCardItem } from "./OfferCard";

/** One line of a card's facts: an icon and its text. */
export function Fact({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <li>
      {icon}
      <span>{children}</span>
    </li>
  );
}

/** "Vendôme · 3 km": the commune and the distance from the person's home, as the ranked lists say it. */
export function NearPlace({ communeName, distanceKm }: { communeName: string; distanceKm: number }) {
  return (
    <>
      {communeName ? `${communeName} · ` : null}
      <strong className={styles.distance}>{distanceLabel(distanceKm)}</strong>
    </>
  );
}

/** How long the trip takes by the person's fastest way of travelling (nothing without a distance). */
export function TravelFact({ distanceKm, travelModes }: { distanceKm: number | null; travelModes: TravelMode[] }) {
  const mode = fastestMode(travelModes);
  const travel = distanceKm !== null ? travelHint(distanceKm, travelModes) : null;
  return travel && mode ? <Fact icon={<TravelModeIcon mode={mode} />}>{travel}</Fact> : null;
}

type OfferFactsProps = {
  offer: Pick<
    OfferCardItem["offer"],
    "employerName" | "contract" | "hoursPerWeek" | "shifts" | "licenceRequired" | "vehicleRequired" | "startsOn"
  >;
  /** the place line: commune (and address), distance */
  place: ReactNode;
  distanceKm: number | null;
  travelModes: TravelMode[];
  /** YYYY-MM-DD, to say "dès maintenant" for offers that have started */
  today: string;
  /** the number of positions: the offer's page says it, the ranked card does not */
  positions?: number;
};

/** Who, where, how far, which contract, when: the facts of an offer, in its card and on its page. */
export function OfferFacts({ offer, place, distanceKm, travelModes, today, positions }: OfferFactsProps) {
  const hours = hoursLabel(offer.hoursPerWeek);
  const shifts = shiftsLabel(offer.shifts);
  const needs = [offer.licenceRequired ? "Permis B demandé" : null, offer.vehicleRequired ? "Véhicule demandé" : null].filter(
    Boolean,
  );
  return (
    <ul className={styles.facts}>
      <Fact icon={<IconBuilding />}>{offer.employerName}</Fact>
      <Fact icon={<IconPin />}>{place}</Fact>
      <TravelFact distanceKm={distanceKm} travelModes={travelModes} />
      <Fact icon={<IconContract />}>
        {CONTRACT_LABELS[offer.contract] ?? offer.contract}
        {hours ? ` · ${hours}` : null}
      </Fact>
      {shifts ? <Fact icon={<IconClock />}>Horaires : {shifts}</Fact> : null}
      <Fact icon={<IconCalendar />}>{offer.startsOn > today ? `Début le ${dateLabel(offer.startsOn)}` : "Début dès maintenant"}</Fact>
      {positions !== undefined ? <Fact icon={<IconSeats />}>{plural(positions, "poste", "postes")}</Fact> : null}
      {needs.length ? <Fact icon={<IconCar />}>{needs.join(" · ")}</Fact> : null}
    </ul>
  );
}
