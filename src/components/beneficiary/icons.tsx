import { icon } from "@/components/ui/icons";

// More pictograms for the beneficiary's pages, drawn like those of the design system
// (decorative, aria-hidden, currentColor): always beside words.

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
