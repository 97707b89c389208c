import { describe, expect, it } from "vitest";
import { formatPhoneForPeople, normalisePhone, phoneRegionForTimeZone, WRONG_PHONE_MESSAGE } from "./phone";

const e164 = (input: string, region?: Parameters<typeof normalisePhone>[1]) => {
  const r = normalisePhone(input, region);
  return r.ok ? r.e164 : r.message;
};

describe("normalisePhone", () => {
  it("reads metropolitan numbers however they are typed", () => {
    for (const typed of ["06 12 34 56 78", "0612345678", "06.12.34.56.78", "06-12-34-56-78", "+33 6 12 34 56 78", "+33612345678", "0033 6 12 34 56 78", " 06 12 34 56 78 "]) {
      expect(e164(typed), typed).toBe("+33612345678");
    }
    expect(e164("01 23 45 67 89")).toBe("+33123456789");
    expect(e164("07 81 23 45 67")).toBe("+33781234567");
  });

  it("reads overseas numbers with their prefix anywhere", () => {
    expect(e164("+262 692 12 34 56")).toBe("+262692123456"); // Réunion
    expect(e164("00262 639 01 23 45")).toBe("+262639012345"); // Mayotte
    expect(e164("+590 690 00 12 34")).toBe("+590690001234"); // Guadeloupe
    expect(e164("+596 696 20 12 34")).toBe("+596696201234"); // Martinique
    expect(e164("+594 694 20 12 34")).toBe("+594694201234"); // Guyane
  });

  it("reads a number without prefix in the instance's region first", () => {
    // in Réunion, 0692… is a Réunion mobile; in metropolitan France the same digits are +33 6 92…
    expect(e164("0692 12 34 56", "RE")).toBe("+262692123456");
    expect(e164("0692 12 34 56", "FR")).toBe("+33692123456");
    expect(e164("0639 01 23 45", phoneRegionForTimeZone("Indian/Mayotte"))).toBe("+262639012345");
    expect(e164("0690 00 12 34", phoneRegionForTimeZone("America/Guadeloupe"))).toBe("+590690001234");
    expect(e164("0696 20 12 34", phoneRegionForTimeZone("America/Martinique"))).toBe("+596696201234");
    expect(e164("0694 20 12 34", phoneRegionForTimeZone("America/Cayenne"))).toBe("+594694201234");
    // a metropolitan mobile typed in Réunion stays metropolitan
    expect(e164("06 12 34 56 78", "RE")).toBe("+33612345678");
    // the same ten digits are a metropolitan 06 number in metropolitan France: +590 must be typed there
    expect(e164("0690 00 12 34", "FR")).toBe("+33690001234");
  });

  it("accepts a foreign number given with its international prefix", () => {
    expect(e164("+32 2 555 12 34")).toBe("+3225551234");
  });

  it("refuses wrong numbers with a plain French message", () => {
    for (const typed of ["", "   ", "0612", "06 12 34 56 78 90 12", "appeler le soir", "06 12 34 56 7a", "+33 6 12", "00 00 00 00 00", "+262 639 12 34 56", "=cmd|' /C calc'!A0"]) {
      expect(normalisePhone(typed), typed).toEqual({ ok: false, message: WRONG_PHONE_MESSAGE });
    }
    expect(WRONG_PHONE_MESSAGE).toBe("Ce numéro de téléphone n'existe pas. Exemple : 06 12 34 56 78.");
  });
});

describe("formatPhoneForPeople", () => {
  it("writes French numbers the French way", () => {
    expect(formatPhoneForPeople("+33612345678")).toBe("06 12 34 56 78");
    expect(formatPhoneForPeople("+262692123456")).toBe("0692 12 34 56");
  });
  it("writes foreign numbers with their prefix, and keeps what it cannot read", () => {
    expect(formatPhoneForPeople("+3225551234")).toBe("+32 2 555 12 34");
    expect(formatPhoneForPeople("appeler le soir")).toBe("appeler le soir");
  });
  it("round-trips with normalisePhone", () => {
    for (const n of ["+33612345678", "+262692123456", "+590690001234", "+596696201234", "+594694201234"]) {
      const region = phoneRegionForTimeZone(
        { "+33": "Europe/Paris", "+262": "Indian/Reunion", "+590": "America/Guadeloupe", "+596": "America/Martinique", "+594": "America/Cayenne" }[n.slice(0, n.startsWith("+33") ? 3 : 4)]!,
      );
      expect(e164(formatPhoneForPeople(n), region)).toBe(n);
    }
  });
});
