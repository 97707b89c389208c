import { describe, expect, it } from "vitest";
import { offerFieldsInput } from "./inputs";
import { addMonths } from "../../lib/dates";
import { instanceToday } from "../config/time-zone";
import { defaultExpiry, MESSAGES, validateOfferFields } from "./validate";

const TODAY = "2026-03-10";
const fields = (over: Record<string, unknown> = {}) =>
  offerFieldsInput.parse({
    title: "Cariste",
    jobCode: "12345",
    communeInsee: "41269",
    radiusKm: 30,
    contract: "cdd",
    hoursPerWeek: 35,
    shifts: ["day"],
    positions: 1,
    startsOn: TODAY,
    description: "Conduite de chariots.",
    ...over,
  });

describe("validateOfferFields", () => {
  it("accepts a complete offer", () => {
    expect(validateOfferFields(fields(), { mode: "publish", today: TODAY })).toEqual({});
  });

  it("a draft needs only a title or a job, but what it holds must be sensible", () => {
    const empty = offerFieldsInput.parse({});
    expect(validateOfferFields(empty, { mode: "draft", today: TODAY })).toEqual({ title: [MESSAGES.titleOrJob] });
    expect(validateOfferFields(offerFieldsInput.parse({ jobCode: "12345" }), { mode: "draft", today: TODAY })).toEqual({});
    expect(validateOfferFields(offerFieldsInput.parse({ title: "X", radiusKm: 250 }), { mode: "draft", today: TODAY })).toEqual({
      radiusKm: [MESSAGES.radiusRange],
    });
  });

  it("dates: not in the past, expiry not before the start; a running offer keeps its stored dates", () => {
    expect(validateOfferFields(fields({ startsOn: "2026-03-09" }), { mode: "publish", today: TODAY })).toEqual({ startsOn: [MESSAGES.startPast] });
    expect(validateOfferFields(fields({ startsOn: "2026-04-01", expiresOn: "2026-03-20" }), { mode: "publish", today: TODAY })).toEqual({
      expiresOn: [MESSAGES.expiryBeforeStart],
    });
    expect(
      validateOfferFields(fields({ startsOn: "2026-02-01", expiresOn: "2026-04-01" }), {
        mode: "publish",
        today: TODAY,
        keptDates: { startsOn: "2026-02-01", expiresOn: "2026-03-01" },
      }),
    ).toEqual({});
  });

  it("numbers: radius 1–200, hours 1–48, positions a whole number ≥ 1", () => {
    const check = (over: Record<string, unknown>) => validateOfferFields(fields(over), { mode: "publish", today: TODAY });
    expect(check({ radiusKm: 0 })).toEqual({ radiusKm: [MESSAGES.radiusRange] });
    expect(check({ radiusKm: 200 })).toEqual({});
    expect(check({ radiusKm: 200.5 })).toEqual({ radiusKm: [MESSAGES.radiusRange] });
    expect(check({ hoursPerWeek: 49 })).toEqual({ hoursPerWeek: [MESSAGES.hoursRange] });
    expect(check({ positions: -2 })).toEqual({ positions: [MESSAGES.positionsRange] });
    expect(check({ positions: 2.5 })).toEqual({ positions: [MESSAGES.positionsWhole] });
  });
});

describe("dates", () => {
  it("adds months, keeping to the end of shorter months", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-11-15", 2)).toBe("2027-01-15");
    expect(defaultExpiry("2026-05-01", TODAY)).toBe("2026-07-01");
    expect(defaultExpiry("2026-01-01", TODAY)).toBe("2026-05-10");
  });

  it("today is the date in Paris", () => {
    expect(instanceToday(new Date("2026-03-10T23:30:00Z"))).toBe("2026-03-11");
    expect(instanceToday(new Date("2026-03-10T12:00:00Z"))).toBe("2026-03-10");
  });
});
