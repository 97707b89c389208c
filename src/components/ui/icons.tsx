import type { ReactNode, SVGProps } from "react";

// Pictograms: decorative, always beside words (aria-hidden), drawn with currentColor so they
// follow the text colour and stay visible in high-contrast modes.

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
