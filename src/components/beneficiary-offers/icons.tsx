import type { ReactNode } from "react";
import { Svg as BaseSvg, type IconProps } from "@/components/ui/icons";
import type { TravelMode } from "./format";

// Pictograms of the offers and formations pages, drawn like those of the design system
// (src/components/ui/icons.tsx): decorative, always beside words, in currentColor.

// A little smaller than the design system's default: they sit inside dense cards.
function Svg(props: IconProps & { children: ReactNode }) {
  return <BaseSvg {...props} size={props.size ?? "1.25em"} />;
}

/** A map pin: a place. */
export function IconPin(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M12 21s-7-6.1-7-11.5a7 7 0 0 1 14 0C19 14.9 12 21 12 21z" />
      <circle cx="12" cy="9.5" r="2.5" />
    </Svg>
  );
}

/** A building: an employer or a training organisation. */
export function IconBuilding(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M4 21V5a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v16" />
      <path d="M16 9h2a2 2 0 0 1 2 2v10" />
      <path d="M2 21h20" />
      <path d="M8 7h4M8 11h4M8 15h4" />
    </Svg>
  );
}

/** A clock: hours, time. */
export function IconClock(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 2" />
    </Svg>
  );
}

/** A signed sheet: a work contract. */
export function IconContract(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9z" />
      <path d="M14 3v6h6" />
      <path d="M8 17c1.5-2 2.5-2 3 0s1.5 1 2.5-.5" />
    </Svg>
  );
}

/** A calendar: dates. */
export function IconCalendar(props: IconProps) {
  return (
    <Svg {...props}>
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </Svg>
  );
}

/** Chairs in a row: seats in a formation. */
export function IconSeats(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="8" cy="7" r="3" />
      <path d="M2 20a6 6 0 0 1 12 0" />
      <path d="M16 11h5M16 15h5M16 19h5" />
    </Svg>
  );
}

/** A mortarboard: a formation. */
export function IconGraduation(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="m2 9 10-5 10 5-10 5z" />
      <path d="M6 11v5c3 2.5 9 2.5 12 0v-5" />
      <path d="M22 9v6" />
    </Svg>
  );
}

/** A paper plane: sending. */
export function IconSend(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M22 2 11 13" />
      <path d="M22 2 15 22l-4-9-9-4z" />
    </Svg>
  );
}

/** Three lines: a list. */
export function IconList(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M9 6h12M9 12h12M9 18h12" />
      <path d="M4 6h.01M4 12h.01M4 18h.01" />
    </Svg>
  );
}

/** A folded map. */
export function IconMap(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="m3 6 6-3 6 3 6-3v15l-6 3-6-3-6 3z" />
      <path d="M9 3v15M15 6v15" />
    </Svg>
  );
}

/** A ruler: a distance. */
export function IconRuler(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M3 8h18v8H3z" />
      <path d="M7 8v3M11 8v4M15 8v3M19 8v4" />
    </Svg>
  );
}

/** A funnel: filters. */
export function IconFilter(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M3 4h18l-7 8v7l-4 2v-9z" />
    </Svg>
  );
}

/** A tick alone: a choice made. */
export function IconTick(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="m5 12 5 5 9-10" />
    </Svg>
  );
}

/** A star: a reason this item fits. */
export function IconStar(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="m12 3 2.8 5.7 6.2.9-4.5 4.4 1 6.2L12 17.3 6.5 20.2l1-6.2L3 9.6l6.2-.9z" />
    </Svg>
  );
}

/** A car. */
export function IconCar(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M5 17H3v-5l2-5h14l2 5v5h-2" />
      <path d="M3 12h18" />
      <circle cx="7.5" cy="17" r="2" />
      <circle cx="16.5" cy="17" r="2" />
      <path d="M9.5 17h5" />
    </Svg>
  );
}

/** A bicycle. */
export function IconBike(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="5.5" cy="16.5" r="3.5" />
      <circle cx="18.5" cy="16.5" r="3.5" />
      <path d="M5.5 16.5 9 9h6l3.5 7.5M9 9l3 7.5h-6.5M12 6h3" />
    </Svg>
  );
}

/** A walking person. */
export function IconWalk(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="13" cy="4" r="2" />
      <path d="m9 21 3-7 3 3v4M8 11l4-4 3 3 3 1" />
    </Svg>
  );
}

/** A bus. */
export function IconBus(props: IconProps) {
  return (
    <Svg {...props}>
      <rect x="4" y="3" width="16" height="15" rx="2" />
      <path d="M4 11h16M8 18v3M16 18v3" />
      <path d="M8 14.5h.01M16 14.5h.01" />
    </Svg>
  );
}

/** A scooter. */
export function IconScooter(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="6" cy="17" r="3" />
      <circle cx="18" cy="17" r="3" />
      <path d="M9 17h6l2-6h-4M17 11l-2-6h-3" />
    </Svg>
  );
}

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
