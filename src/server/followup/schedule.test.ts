import { describe, expect, it } from "vitest";
import { canRecordOutcome, checkInSchedule, checkInState } from "./schedule";

describe("check-in schedule", () => {
  it("puts the check-ins 1, 3 and 6 calendar months after the start", () => {
    expect(checkInSchedule("2026-03-15")).toEqual([
      { monthsAfter: 1, dueOn: "2026-04-15" },
      { monthsAfter: 3, dueOn: "2026-06-15" },
      { monthsAfter: 6, dueOn: "2026-09-15" },
    ]);
  });

  it("lands on the last day of a shorter month", () => {
    expect(checkInSchedule("2026-08-31").map((c) => c.dueOn)).toEqual(["2026-09-30", "2026-11-30", "2027-02-28"]);
  });

  it("knows leap years (29 February)", () => {
    // a start on 29 February: next year's +12 would be 28 Feb; +1 month is 29 March
    expect(checkInSchedule("2028-02-29").map((c) => c.dueOn)).toEqual(["2028-03-29", "2028-05-29", "2028-08-29"]);
    expect(checkInSchedule("2027-08-31")[2]!.dueOn).toBe("2028-02-29");
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
