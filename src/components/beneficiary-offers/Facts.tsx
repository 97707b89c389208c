import type { ReactNode } from "react";
import { Fact, TravelFact } from "@/components/ui/cards/Facts";
import { dateLabel, hoursLabel, plural, shiftsLabel, type TravelMode } from "@/components/ui/format";
import {
  IconBuilding,
  IconCalendarSmall as IconCalendar,
  IconCarSmall as IconCar,
  IconClockSmall as IconClock,
  IconContract,
  IconPinSmall as IconPin,
  IconSeats,
} from "@/components/ui/icons";
import cardStyles from "@/components/ui/cards/cards.module.css";
import { CONTRACT_LABELS } from "@/server/offers/labels";
import type { OfferCardItem } from "./OfferCard";

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
    <ul className={cardStyles.facts}>
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
