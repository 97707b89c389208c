import type { ReactNode } from "react";
import { icon, type IconProps } from "@/components/ui/icons";
import type { TravelMode } from "./format";
import * as drawn from "@/components/beneficiary/icons";

// Pictograms of the offers and formations pages, drawn like those of the design system
// (src/components/ui/icons.tsx): decorative, always beside words, in currentColor.

// A little smaller than the design system's default (1.25em): they sit inside dense cards.
/** A pictogram of the beneficiary's set (drawn once, there) at the cards' size. */
function small(Icon: (props: IconProps) => ReactNode) {
  return function SmallIcon(props: IconProps) {
    return <Icon {...props} size={props.size ?? "1.25em"} />;
  };
}
export const IconBike = small(drawn.IconBike);
export const IconBus = small(drawn.IconBus);
export const IconCalendar = small(drawn.IconCalendar);
export const IconCar = small(drawn.IconCar);
export const IconClock = small(drawn.IconClock);
export const IconGraduation = small(drawn.IconGraduation);
export const IconPin = small(drawn.IconPin);
export const IconScooter = small(drawn.IconScooter);
export const IconSend = small(drawn.IconSend);
export const IconWalk = small(drawn.IconWalk);

/** A building: an employer or a training organisation. */
export const IconBuilding = icon(
  "o-building",
  <>
    <path d="M4 21V5a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v16" />
    <path d="M16 9h2a2 2 0 0 1 2 2v10" />
    <path d="M2 21h20" />
    <path d="M8 7h4M8 11h4M8 15h4" />
  </>,
  "1.25em",
);

/** A signed sheet: a work contract. */
export const IconContract = icon(
  "o-contract",
  <>
    <path d="M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9z" />
    <path d="M14 3v6h6" />
    <path d="M8 17c1.5-2 2.5-2 3 0s1.5 1 2.5-.5" />
  </>,
  "1.25em",
);

/** Chairs in a row: seats in a formation. */
export const IconSeats = icon(
  "o-seats",
  <>
    <circle cx="8" cy="7" r="3" />
    <path d="M2 20a6 6 0 0 1 12 0" />
    <path d="M16 11h5M16 15h5M16 19h5" />
  </>,
  "1.25em",
);

/** Three lines: a list. */
export const IconList = icon(
  "o-list",
  <>
    <path d="M9 6h12M9 12h12M9 18h12" />
    <path d="M4 6h.01M4 12h.01M4 18h.01" />
  </>,
  "1.25em",
);

/** A folded map. */
export const IconMap = icon(
  "o-map",
  <>
    <path d="m3 6 6-3 6 3 6-3v15l-6 3-6-3-6 3z" />
    <path d="M9 3v15M15 6v15" />
  </>,
  "1.25em",
);

/** A ruler: a distance. */
export const IconRuler = icon(
  "o-ruler",
  <>
    <path d="M3 8h18v8H3z" />
    <path d="M7 8v3M11 8v4M15 8v3M19 8v4" />
  </>,
  "1.25em",
);

/** A funnel: filters. */
export const IconFilter = icon(
  "o-filter",
  <>
    <path d="M3 4h18l-7 8v7l-4 2v-9z" />
  </>,
  "1.25em",
);

/** A tick alone: a choice made. */
export const IconTick = icon(
  "o-tick",
  <>
    <path d="m5 12 5 5 9-10" />
  </>,
  "1.25em",
);

/** A star: a reason this item fits. */
export const IconStar = icon(
  "o-star",
  <>
    <path d="m12 3 2.8 5.7 6.2.9-4.5 4.4 1 6.2L12 17.3 6.5 20.2l1-6.2L3 9.6l6.2-.9z" />
  </>,
  "1.25em",
);

/** The pictogram of a means of travel. */
export function TravelModeIcon({ mode, ...props }: IconProps & { mode: TravelMode }) {
  switch (mode) {
    case "walk":
      return <IconWalk {...props} />;
    case "bike":
      return <IconBike {...props} />;
    case "public_transport":
      return <IconBus {...props} />;
    case "two_wheeler":
      return <IconScooter {...props} />;
    default:
      return <IconCar {...props} />;
  }
}
