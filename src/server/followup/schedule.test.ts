import { describe, expect, it } from "vitest";
import { addDays, addMonths, canRecordOutcome, checkInSchedule, checkInState, daysBetween, isIsoDate, parisToday } from "./schedule";

describe("check-in schedule", () => {
  it("puts the check-ins 1, 3 and 6 calendar months after the start", () => {
    expect(checkInSchedule("2026-03-15")).toEqual([
      { monthsAfter: 1, dueOn: "2026-04-15" },
      { monthsAfter: 3, dueOn: "2026-06-15" },
      { monthsAfter: 6, dueOn: "2026-09-15" },
    ]);
  });

  it("lands on the last day of a shorter month", () => {
    expect(addMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonths("2026-12-31", 3)).toBe("2027-03-31");
    expect(addMonths("2027-03-31", 1)).toBe("2027-04-30");
    expect(checkInSchedule("2026-08-31").map((c) => c.dueOn)).toEqual(["2026-09-30", "2026-11-30", "2027-02-28"]);
  });

  it("knows leap years (29 February)", () => {
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2028-01-29", 1)).toBe("2028-02-29");
    expect(addMonths("2100-01-31", 1)).toBe("2100-02-28"); // not a leap year
    expect(addMonths("2000-01-31", 1)).toBe("2000-02-29"); // a leap year
    // a start on 29 February: next year's +12 would be 28 Feb; +1 month is 29 March
    expect(checkInSchedule("2028-02-29").map((c) => c.dueOn)).toEqual(["2028-03-29", "2028-05-29", "2028-08-29"]);
    expect(checkInSchedule("2027-08-31")[2]!.dueOn).toBe("2028-02-29");
  });

  it("crosses years", () => {
    expect(addMonths("2026-11-15", 3)).toBe("2027-02-15");
    expect(addMonths("2026-07-01", 6)).toBe("2027-01-01");
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

  it("computes today in Paris, not UTC", () => {
    expect(parisToday(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(parisToday(new Date("2027-07-01T21:59:00Z"))).toBe("2027-07-01");
    expect(parisToday(new Date("2027-07-01T22:01:00Z"))).toBe("2027-07-02");
  });
});

describe("check-in state on a given day", () => {
  const today = "2027-03-01";
  it("is overdue before today, due this week, upcoming later", () => {
    expect(checkInState({ status: "pending", dueOn: "2027-02-28" }, today)).toBe("overdue");
    expect(checkInState({ status: "pending", dueOn: "2027-03-01" }, today)).toBe("due");
    expect(checkInState({ status: "pending", dueOn: "2027-03-07" }, today)).toBe("due");
    expect(checkInState({ status: "pending", dueOn: "2027-03-08" }, today)).toBe("upcoming");
  });

  it("keeps a recorded or cancelled status", () => {
    expect(checkInState({ status: "in_post", dueOn: "2027-02-01" }, today)).toBe("in_post");
    expect(checkInState({ status: "cancelled", dueOn: "2027-05-01" }, today)).toBe("cancelled");
  });

  it("a placement starting in the future has only upcoming check-ins", () => {
    const states = checkInSchedule("2027-04-10").map((c) => checkInState({ status: "pending", dueOn: c.dueOn }, today));
    expect(states).toEqual(["upcoming", "upcoming", "upcoming"]);
  });

  it("lets an end be recorded at any time, the other outcomes from the week it falls due", () => {
    const later = { status: "pending" as const, dueOn: "2027-06-01" };
    expect(canRecordOutcome(later, "ended", today)).toBe(true);
    expect(canRecordOutcome(later, "in_post", today)).toBe(false);
    expect(canRecordOutcome({ status: "pending", dueOn: "2027-03-05" }, "in_post", today)).toBe(true);
    expect(canRecordOutcome({ status: "in_post", dueOn: "2027-02-05" }, "ended", today)).toBe(false);
  });
});
