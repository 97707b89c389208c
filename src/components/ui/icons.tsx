import type { ReactNode, SVGProps } from "react";
import type { TravelMode } from "./format";

// Pictograms: decorative, always beside words (aria-hidden), drawn with currentColor so they
// follow the text colour and stay visible in high-contrast modes. Every pictogram of the site
// is drawn here, once. The symbols' names (b-…, o-…, s-…) are those the sprite has always had:
// browsers and the service worker keep the sprite, so a renamed symbol would show as an empty
// square until their copy is renewed.

export type IconProps = Omit<SVGProps<SVGSVGElement>, "children"> & { size?: number | string };

/**
 * The frame of a pictogram: its size and, from the `icon` class (globals.css), no fill, a
 * 2-unit round stroke in currentColor, inherited by the drawing the <use> brings in.
 */
export function Svg({ size = "1.5em", children, className, ...rest }: IconProps & { children: ReactNode }) {
  return (
    <svg width={size} height={size} className={className ? `icon ${className}` : "icon"} aria-hidden="true" {...rest}>
      {children}
    </svg>
  );
}

// Each pictogram is drawn once, in the sprite served at ICON_SPRITE_URL (cached by the browser
// and the service worker), and pages only repeat a <use> of it: a list of 20 cards with four
// pictograms each carries 80 short references instead of 80 drawings, twice (the HTML and the
// React payload).
export const ICON_SPRITE_URL = "/icons/sprite.svg";
const SHAPES = new Map<string, ReactNode>();

/** Registers a pictogram's drawing under `name` and returns the component that shows it. */
export function icon(name: string, shape: ReactNode, defaultSize = "1.5em") {
  SHAPES.set(name, shape);
  function Icon({ size = defaultSize, ...props }: IconProps) {
    return (
      <Svg size={size} {...props}>
        <use href={`${ICON_SPRITE_URL}#${name}`} />
      </Svg>
    );
  }
  Icon.displayName = `Icon(${name})`;
  return Icon;
}

/** Every registered drawing, for the sprite (the modules that define icons must be imported first). */
export function iconShapes(): Array<[string, ReactNode]> {
  return [...SHAPES];
}

export const IconJobSearch = icon(
  "job-search",
  <>
    <circle cx="10" cy="10" r="7" />
    <path d="M15.5 15.5 21 21" />
    <circle cx="10" cy="8.5" r="2" />
    <path d="M6.5 14a3.5 3.5 0 0 1 7 0" />
  </>,
);

/** A briefcase: recruiting. */
export const IconBriefcase = icon(
  "briefcase",
  <>
    <rect x="3" y="7" width="18" height="13" rx="2" />
    <path d="M8 7V5a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2" />
    <path d="M3 13h18" />
  </>,
);

/** A key: an access code. */
export const IconKey = icon(
  "key",
  <>
    <circle cx="8" cy="15" r="4" />
    <path d="m10.8 12.2 8.2-8.2" />
    <path d="m16 7 3 3" />
    <path d="m14 9 2 2" />
  </>,
);

/** A door with an arrow: signing in. */
export const IconSignIn = icon(
  "sign-in",
  <>
    <path d="M14 3h5a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2h-5" />
    <path d="M10 17l5-5-5-5" />
    <path d="M15 12H3" />
  </>,
);

/** An arrow leaving a door: signing out. */
export const IconSignOut = icon(
  "sign-out",
  <>
    <path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4" />
    <path d="M16 17l5-5-5-5" />
    <path d="M21 12H9" />
  </>,
);

/** A person: an account. */
export const IconUser = icon(
  "user",
  <>
    <circle cx="12" cy="8" r="4" />
    <path d="M4 21a8 8 0 0 1 16 0" />
  </>,
);

/** A person with a plus: creating an account. */
export const IconUserPlus = icon(
  "user-plus",
  <>
    <circle cx="9" cy="8" r="4" />
    <path d="M2 21a7 7 0 0 1 14 0" />
    <path d="M19 8v6M16 11h6" />
  </>,
);

/** A sheet of paper with lines: a CV. */
export const IconDocument = icon(
  "document",
  <>
    <path d="M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9z" />
    <path d="M14 3v6h6" />
    <path d="M8 13h8M8 17h5" />
  </>,
);

/** A printer. */
export const IconPrint = icon(
  "print",
  <>
    <path d="M6 9V3h12v6" />
    <rect x="3" y="9" width="18" height="8" rx="2" />
    <path d="M6 14h12v7H6z" />
  </>,
);

/** A circled "i": information. */
export const IconInfo = icon(
  "info",
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 11v6" />
    <path d="M12 7.5v.01" />
  </>,
);

/** A circled tick: success. */
export const IconCheck = icon(
  "check",
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="m8 12 3 3 5-6" />
  </>,
);

/** A triangle with "!": warning or error. */
export const IconWarning = icon(
  "warning",
  <>
    <path d="M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z" />
    <path d="M12 9v4" />
    <path d="M12 17v.01" />
  </>,
);

/** An eye: show a password. */
export const IconEye = icon(
  "eye",
  <>
    <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z" />
    <circle cx="12" cy="12" r="3" />
  </>,
);

/** A crossed eye: hide a password. */
export const IconEyeOff = icon(
  "eye-off",
  <>
    <path d="M3 3l18 18" />
    <path d="M10.6 5.1A10.6 10.6 0 0 1 12 5c6.5 0 10 7 10 7a17 17 0 0 1-3 3.9" />
    <path d="M6.6 6.6C3.7 8.4 2 12 2 12s3.5 7 10 7a9.8 9.8 0 0 0 5.4-1.6" />
    <path d="M9.9 9.9a3 3 0 0 0 4.2 4.2" />
  </>,
);

/** A house: home. */
export const IconHome = icon(
  "home",
  <>
    <path d="M3 11 12 4l9 7" />
    <path d="M5 10v10h14V10" />
    <path d="M10 20v-6h4v6" />
  </>,
);

/** Several people: a list of users. */
export const IconUsers = icon(
  "users",
  <>
    <circle cx="9" cy="8" r="3.5" />
    <path d="M2 20a7 7 0 0 1 14 0" />
    <path d="M16 4.5a3.5 3.5 0 0 1 0 7" />
    <path d="M18 14a6 6 0 0 1 4 6" />
  </>,
);

/** An arrow to the right. */
export const IconArrowRight = icon(
  "arrow-right",
  <>
    <path d="M5 12h14" />
    <path d="m13 6 6 6-6 6" />
  </>,
);

/** A padlock: personal data. */
export const IconLock = icon(
  "lock",
  <>
    <rect x="4" y="11" width="16" height="10" rx="2" />
    <path d="M8 11V7a4 4 0 0 1 8 0v4" />
  </>,
);

// ------------------------------------------------------------------ places, travel, time, actions

/** A map pin: a place. */
export const IconPin = icon(
  "b-pin",
  <>
    <path d="M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21z" />
    <circle cx="12" cy="9.5" r="2.5" />
  </>,
);

/** A crosshair: my position. */
export const IconLocate = icon(
  "b-locate",
  <>
    <circle cx="12" cy="12" r="6" />
    <circle cx="12" cy="12" r="2" />
    <path d="M12 2v4M12 18v4M2 12h4M18 12h4" />
  </>,
);

/** A walking person. */
export const IconWalk = icon(
  "b-walk",
  <>
    <circle cx="13" cy="4" r="2" />
    <path d="m9 21 2.5-6.5L14 17v4" />
    <path d="M7 12l3-4 3 1 2 3 3 1" />
    <path d="m11.5 14.5 1-5" />
  </>,
);

/** A bicycle. */
export const IconBike = icon(
  "b-bike",
  <>
    <circle cx="5.5" cy="16.5" r="3.5" />
    <circle cx="18.5" cy="16.5" r="3.5" />
    <path d="M5.5 16.5 9 9h6l3.5 7.5" />
    <path d="M12 16.5 9 9M15 9l-1.5-3H11" />
  </>,
);

/** A bus. */
export const IconBus = icon(
  "b-bus",
  <>
    <rect x="4" y="3" width="16" height="15" rx="2" />
    <path d="M4 11h16M8 21v-3M16 21v-3" />
    <circle cx="8" cy="14.5" r=".5" />
    <circle cx="16" cy="14.5" r=".5" />
  </>,
);

/** A car. */
export const IconCar = icon(
  "b-car",
  <>
    <path d="M3 16v-4l2.5-5h13L21 12v4" />
    <path d="M3 12h18" />
    <rect x="2" y="12" width="20" height="5" rx="1.5" />
    <circle cx="7" cy="19" r="1.5" />
    <circle cx="17" cy="19" r="1.5" />
  </>,
);

/** A scooter. */
export const IconScooter = icon(
  "b-scooter",
  <>
    <circle cx="5.5" cy="17.5" r="2.5" />
    <circle cx="18.5" cy="17.5" r="2.5" />
    <path d="M8 17.5h8l2-6h-4l-1.5 3H6" />
    <path d="M16 5h2l1.5 6.5" />
  </>,
);

/** Two people in a car: car sharing. */
export const IconCarpool = icon(
  "b-carpool",
  <>
    <circle cx="8" cy="6" r="2" />
    <circle cx="16" cy="6" r="2" />
    <path d="M3 19v-4l2-4h14l2 4v4z" />
    <circle cx="7" cy="19" r="1.5" />
    <circle cx="17" cy="19" r="1.5" />
  </>,
);

/** A driving licence card. */
export const IconLicence = icon(
  "b-licence",
  <>
    <rect x="2" y="5" width="20" height="14" rx="2" />
    <circle cx="8" cy="11" r="2" />
    <path d="M5 16a3 3 0 0 1 6 0M14 10h5M14 14h4" />
  </>,
);

/** A clock: time. */
export const IconClock = icon(
  "b-clock",
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7v5l3 2" />
  </>,
);

/** A calendar: a date. */
export const IconCalendar = icon(
  "b-calendar",
  <>
    <rect x="3" y="5" width="18" height="16" rx="2" />
    <path d="M3 10h18M8 3v4M16 3v4" />
  </>,
);

/** A sun: daytime. */
export const IconSun = icon(
  "b-sun",
  <>
    <circle cx="12" cy="12" r="4" />
    <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
  </>,
);

/** A moon: night. */
export const IconMoon = icon(
  "b-moon",
  <>
    <path d="M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5z" />
  </>,
);

/** A tool: skills. */
export const IconTools = icon(
  "b-tools",
  <>
    <path d="M14.7 6.3a4 4 0 0 0-5.4 5.4L3 18l3 3 6.3-6.3a4 4 0 0 0 5.4-5.4l-2.5 2.5-2.4-.6-.6-2.4z" />
  </>,
);

/** A heart: personal qualities (savoir-être). */
export const IconHeart = icon(
  "b-heart",
  <>
    <path d="M12 20s-8-4.8-8-10.5A4.5 4.5 0 0 1 12 7a4.5 4.5 0 0 1 8 2.5C20 15.2 12 20 12 20z" />
  </>,
);

/** A graduation cap: formations. */
export const IconGraduation = icon(
  "b-graduation",
  <>
    <path d="M2 9l10-5 10 5-10 5z" />
    <path d="M6 11v5c2 2 10 2 12 0v-5" />
    <path d="M22 9v6" />
  </>,
);

/** A magnifier: searching offers. */
export const IconSearch = icon(
  "b-search",
  <>
    <circle cx="10.5" cy="10.5" r="6.5" />
    <path d="m15.5 15.5 5 5" />
  </>,
);

/** A paper plane: an application sent. */
export const IconSend = icon(
  "b-send",
  <>
    <path d="M21 3 3 10.5l7 3 3 7z" />
    <path d="M21 3 10 13.5" />
  </>,
);

/** An envelope: a proposal received. */
export const IconMail = icon(
  "b-mail",
  <>
    <rect x="3" y="5" width="18" height="14" rx="2" />
    <path d="m3 7 9 6 9-6" />
  </>,
);

/** An arrow into a tray: download. */
export const IconDownload = icon(
  "b-download",
  <>
    <path d="M12 3v12M7 10l5 5 5-5" />
    <path d="M4 17v3h16v-3" />
  </>,
);

/** A bin: delete. */
export const IconTrash = icon(
  "b-trash",
  <>
    <path d="M4 7h16M10 11v6M14 11v6" />
    <path d="M6 7l1 13h10l1-13M9 7V4h6v3" />
  </>,
);

/** A pencil: edit. */
export const IconPencil = icon(
  "b-pencil",
  <>
    <path d="M4 20h4L19 9l-4-4L4 16z" />
    <path d="m13.5 6.5 4 4" />
  </>,
);

/** A plus sign: add. */
export const IconPlus = icon(
  "b-plus",
  <>
    <path d="M12 5v14M5 12h14" />
  </>,
);

/** A cross: remove. */
export const IconClose = icon(
  "b-close",
  <>
    <path d="M6 6l12 12M18 6 6 18" />
  </>,
);

/** An arrow to the left: back. */
export const IconArrowLeft = icon(
  "b-arrow-left",
  <>
    <path d="M19 12H5" />
    <path d="m11 6-6 6 6 6" />
  </>,
);

/** A thumb up: yes. */
export const IconThumbUp = icon(
  "b-thumb-up",
  <>
    <path d="M7 11v9H4v-9zM7 11l4-8a2 2 0 0 1 2 2v4h5.5a2 2 0 0 1 2 2.3l-1.2 7A2 2 0 0 1 17.3 20H7" />
  </>,
);

/** A hand making "no": decline. */
export const IconBan = icon(
  "b-ban",
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="m5.6 5.6 12.8 12.8" />
  </>,
);

/** A shield: privacy. */
export const IconShield = icon(
  "b-shield",
  <>
    <path d="M12 3 4 6v6c0 5 3.5 8 8 9 4.5-1 8-4 8-9V6z" />
  </>,
);

// ------------------------------------------------------------------ offers and formations (1.25em by default)

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

/** A magnifier: the search box (a little longer handle than IconSearch's). */
export const IconMagnifier = icon(
  "s-search",
  <>
    <circle cx="10.5" cy="10.5" r="6.5" />
    <path d="M15.5 15.5 21 21" />
  </>,
);


// ------------------------------------------------------------------ card size
// The offers' and formations' cards use some pictograms a little smaller than the default
// (1.25em): they sit inside dense cards. Same drawings, same sprite symbols.

/** A pictogram at the cards' size unless a size is given. */
function small(Icon: (props: IconProps) => ReactNode) {
  return function SmallIcon(props: IconProps) {
    return <Icon {...props} size={props.size ?? "1.25em"} />;
  };
}
export const IconBikeSmall = small(IconBike);
export const IconBusSmall = small(IconBus);
export const IconCalendarSmall = small(IconCalendar);
export const IconCarSmall = small(IconCar);
export const IconClockSmall = small(IconClock);
export const IconGraduationSmall = small(IconGraduation);
export const IconPinSmall = small(IconPin);
export const IconScooterSmall = small(IconScooter);
export const IconSendSmall = small(IconSend);
export const IconWalkSmall = small(IconWalk);

/** The pictogram of a means of travel. */
export function TravelModeIcon({ mode, ...props }: IconProps & { mode: TravelMode }) {
  switch (mode) {
    case "walk":
      return <IconWalkSmall {...props} />;
    case "bike":
      return <IconBikeSmall {...props} />;
    case "public_transport":
      return <IconBusSmall {...props} />;
    case "two_wheeler":
      return <IconScooterSmall {...props} />;
    default:
      return <IconCarSmall {...props} />;
  }
}

/** A loudspeaker: read a label aloud. */
export const IconSpeaker = icon(
  "speaker",
  <>
    <path d="M4 9h4l5-4v14l-5-4H4z" />
    <path d="M16.5 8.5a5 5 0 0 1 0 7" />
    <path d="M19 6a8.5 8.5 0 0 1 0 12" />
  </>,
);

/** A telephone handset: call. */
export const IconPhone = icon(
  "phone",
  <>
    <path d="M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A17 17 0 0 1 3 5a2 2 0 0 1 2-2z" />
  </>,
);
