import type { ReactNode } from "react";
import { distanceLabel, fastestMode, travelHint, type TravelMode } from "@/components/ui/format";
import { TravelModeIcon } from "@/components/ui/icons";
import cardStyles from "./cards.module.css";

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
      <strong className={cardStyles.distance}>{distanceLabel(distanceKm)}</strong>
    </>
  );
}

/** How long the trip takes by the person's fastest way of travelling (nothing without a distance). */
export function TravelFact({ distanceKm, travelModes }: { distanceKm: number | null; travelModes: TravelMode[] }) {
  const mode = fastestMode(travelModes);
  const travel = distanceKm !== null ? travelHint(distanceKm, travelModes) : null;
  return travel && mode ? <Fact icon={<TravelModeIcon mode={mode} />}>{travel}</Fact> : null;
}
