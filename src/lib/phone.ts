// Client-safe
// Phone numbers as people type them ("06 12 34 56 78", "+33 6…", "0033 6…", "0692 12 34 56" in
// Réunion) turned into E.164 ("+33612345678"), the one form stored and handed to the SMS provider.
//
// libphonenumber treats each overseas département as its own region (RE, YT, GP, MQ, GF): a
// number typed without its prefix is read in the instance's region first, then in the other
// French ones, so that "06 12 34 56 78" typed in Réunion is still a metropolitan mobile and
// "0692 12 34 56" typed in Réunion is a Réunion one (in metropolitan France it would read as
// +33 6 92 12 34 56, a valid metropolitan number: hence the instance's region comes first).

import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

export const WRONG_PHONE_MESSAGE = "Ce numéro de téléphone n'existe pas. Exemple : 06 12 34 56 78.";

/** France and its overseas départements, as libphonenumber names their regions. */
export const FRENCH_REGIONS = ["FR", "RE", "YT", "GP", "MQ", "GF"] as const satisfies readonly CountryCode[];
export type FrenchRegion = (typeof FRENCH_REGIONS)[number];

/** The region a number without prefix is read in, from the instance's time zone. */
export function phoneRegionForTimeZone(timeZone: string): FrenchRegion {
  switch (timeZone) {
    case "Indian/Reunion":
      return "RE";
    case "Indian/Mayotte":
      return "YT";
    case "America/Guadeloupe":
      return "GP";
    case "America/Martinique":
      return "MQ";
    case "America/Cayenne":
      return "GF";
    default:
      return "FR";
  }
}

export type PhoneResult = { ok: true; e164: string } | { ok: false; message: string };

/** A number typed by a person, in E.164, or a plain French message saying it does not exist. */
export function normalisePhone(input: string, defaultCountry: CountryCode = "FR"): PhoneResult {
  const wrong = { ok: false as const, message: WRONG_PHONE_MESSAGE };
  const text = input.trim();
  // Only digits and the usual separators: letters ("06 12 ext 3") are a typo, not a number.
  if (!text || text.length > 30 || !/^\+?[\d\s.\-()/]+$/.test(text)) return wrong;
  const regions: CountryCode[] = [defaultCountry, ...FRENCH_REGIONS.filter((r) => r !== defaultCountry)];
  for (const region of regions) {
    const parsed = parsePhoneNumberFromString(text, region);
    if (parsed?.isValid()) return { ok: true, e164: parsed.number };
    // A number given with its international prefix reads the same in every region.
    if (text.startsWith("+") || text.startsWith("00")) break;
  }
  return wrong;
}

/** An E.164 number as people write it: "06 12 34 56 78" (French regions), "+32 2 555 12 34" otherwise. */
export function formatPhoneForPeople(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164; // stored before numbers were normalised: shown as typed
  const french = (FRENCH_REGIONS as readonly string[]).includes(parsed.country ?? "");
  return french ? parsed.formatNational() : parsed.formatInternational();
}
