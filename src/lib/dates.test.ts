import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addMonthsToMonth,
  daysBetween,
  firstDayOfMonth,
  formatDate,
  formatDateTime,
  formatLongDateTime,
  formatWhen,
  formatWrittenDate,
  hourIn,
  instantAt,
  isIsoDate,
  isTimeZone,
  lastDayOfMonth,
  monthCount,
  monthOf,
  monthsBetween,
  todayIn,
} from "./dates";

describe("calendar dates", () => {
  it("lands on the last day of a shorter month", () => {
    expect(addMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonths("2026-12-31", 3)).toBe("2027-03-31");
    expect(addMonths("2027-03-31", 1)).toBe("2027-04-30");
  });

  it("knows leap years (29 February)", () => {
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2028-01-29", 1)).toBe("2028-02-29");
    expect(addMonths("2100-01-31", 1)).toBe("2100-02-28"); // not a leap year
    expect(addMonths("2000-01-31", 1)).toBe("2000-02-29"); // a leap year
  });

  it("crosses years", () => {
    expect(addMonths("2026-11-15", 3)).toBe("2027-02-15");
    expect(addMonths("2026-07-01", 6)).toBe("2027-01-01");
    expect(addMonths("2027-01-31", -2)).toBe("2026-11-30");
  });

  it("counts days and checks dates", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(daysBetween("2026-12-25", "2027-01-01")).toBe(7);
    expect(daysBetween("2027-01-01", "2026-12-25")).toBe(-7);
    expect(isIsoDate("2027-02-29")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2027-13-01")).toBe(false);
    expect(isIsoDate("1/2/2027")).toBe(false);
  });
});

describe("today in a time zone", () => {
  it("computes today in Paris, not UTC", () => {
    expect(todayIn("Europe/Paris", new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(todayIn("Europe/Paris", new Date("2027-07-01T21:59:00Z"))).toBe("2027-07-01");
    expect(todayIn("Europe/Paris", new Date("2027-07-01T22:01:00Z"))).toBe("2027-07-02");
  });

  it("is another day in La Réunion (UTC+4) or Guadeloupe (UTC-4) than in Paris around midnight", () => {
    // 21:30 UTC on 14 March: 22:30 in Paris, already 01:30 on the 15th in Saint-Denis
    const evening = new Date("2027-03-14T21:30:00Z");
    expect(todayIn("Europe/Paris", evening)).toBe("2027-03-14");
    expect(todayIn("Indian/Reunion", evening)).toBe("2027-03-15");
    // 02:00 UTC on 15 March: 03:00 in Paris, still 22:00 on the 14th in Pointe-à-Pitre
    const night = new Date("2027-03-15T02:00:00Z");
    expect(todayIn("Europe/Paris", night)).toBe("2027-03-15");
    expect(todayIn("America/Guadeloupe", night)).toBe("2027-03-14");
  });

  it("knows the zones of the runtime and no others", () => {
    for (const tz of ["Europe/Paris", "America/Guadeloupe", "America/Martinique", "America/Cayenne", "Indian/Reunion", "Indian/Mayotte"]) {
      expect(isTimeZone(tz)).toBe(true);
    }
    expect(isTimeZone("Europe/Blois")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
});

describe("calendar months", () => {
  it("lists, shifts and bounds months", () => {
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsBetween("2026-02", "2026-01")).toEqual([]);
    expect(monthCount("2025-11", "2026-02")).toBe(4);
    expect(addMonthsToMonth("2026-01", -1)).toBe("2025-12");
    expect(addMonthsToMonth("2026-12", 1)).toBe("2027-01");
    expect(monthOf("2027-03-15")).toBe("2027-03");
    expect(firstDayOfMonth("2027-02")).toBe("2027-02-01");
    expect(lastDayOfMonth("2027-02")).toBe("2027-02-28");
    expect(lastDayOfMonth("2028-02")).toBe("2028-02-29");
    expect(lastDayOfMonth("2027-12")).toBe("2027-12-31");
  });
});

describe("French labels", () => {
  const lateEvening = new Date("2027-03-14T22:30:00Z"); // 23:30 in Paris, 02:30 on the 15th in La Réunion

  it("reads an instant in the given zone", () => {
    expect(formatDate(lateEvening, "Europe/Paris")).toBe("14 mars 2027");
    expect(formatDate(lateEvening, "Indian/Reunion")).toBe("15 mars 2027");
    expect(formatDateTime(lateEvening, "Europe/Paris")).toBe("14/03/2027 à 23:30");
    expect(formatDateTime(lateEvening.toISOString(), "Indian/Reunion")).toBe("15/03/2027 à 02:30");
    expect(formatLongDateTime(lateEvening, "Europe/Paris")).toBe("14 mars 2027 à 23:30");
    expect(formatWhen(new Date("2027-03-01T13:05:00Z"), "Europe/Paris")).toBe("le 1er mars 2027 à 14\u00a0h\u00a005");
  });

  it("reads a calendar date as written, in any zone", () => {
    for (const tz of ["Europe/Paris", "America/Cayenne", "Indian/Mayotte"]) {
      expect(formatDate("2027-03-01", tz)).toBe("1 mars 2027");
      expect(formatWrittenDate("2027-03-01T23:30:00Z", tz)).toBe("1 mars 2027");
    }
    expect(formatDate(null, "Europe/Paris")).toBe("");
    expect(formatWrittenDate(undefined, "Europe/Paris")).toBe("");
  });
});

describe("wall-clock hours in a time zone", () => {
  it("finds the hour there and the instant of a local hour, summer and winter, Paris and Réunion", () => {
    expect(hourIn("Europe/Paris", new Date("2026-12-07T23:30:00Z"))).toBe(0);
    expect(hourIn("Europe/Paris", new Date("2026-07-07T18:30:00Z"))).toBe(20);
    expect(instantAt("2026-12-08", 8, "Europe/Paris").toISOString()).toBe("2026-12-08T07:00:00.000Z");
    expect(instantAt("2026-07-08", 8, "Europe/Paris").toISOString()).toBe("2026-07-08T06:00:00.000Z");
    expect(instantAt("2026-07-08", 8, "Indian/Reunion").toISOString()).toBe("2026-07-08T04:00:00.000Z");
    // the morning after the spring change: 8:00 is already summer time
    expect(instantAt("2027-03-28", 8, "Europe/Paris").toISOString()).toBe("2027-03-28T06:00:00.000Z");
  });
});
