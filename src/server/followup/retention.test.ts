import { describe, expect, it } from "vitest";
import type { CheckInStatus } from "./schema";
import { median, medianDaysToFirstHire, outcomeAt, retention, type RetentionPlacement } from "./retention";
import { checkInSchedule } from "./schedule";

function placement(startsOn: string, statuses: [CheckInStatus, CheckInStatus, CheckInStatus], endedOn: string | null = null): RetentionPlacement {
  return {
    startsOn,
    endedOn,
    checkIns: checkInSchedule(startsOn).map((c, i) => ({ ...c, status: statuses[i]! })),
  };
}

const today = "2027-03-01";
const byMonths = (figures: ReturnType<typeof retention>) => Object.fromEntries(figures.map((f) => [f.monthsAfter, f]));

describe("retention", () => {
  it("counts people still in post over placements whose check-in date has passed", () => {
    const f = byMonths(
      retention(
        [
          placement("2026-08-01", ["in_post", "in_post", "in_post"]), // retained at 1, 3, 6 (6 months = 2027-02-01)
          placement("2026-08-15", ["in_post", "ended", "cancelled"], "2026-11-01"), // ended between 1 and 3
          placement("2026-12-01", ["in_post", "pending", "pending"]), // 3 months due 2027-03-01 (today): unknown
        ],
        today,
      ),
    );
    expect(f[1]).toMatchObject({ eligible: 3, retained: 3, notRetained: 0, unknown: 0, rate: 1 });
    expect(f[3]).toMatchObject({ eligible: 3, retained: 1, notRetained: 1, unknown: 1, rate: 0.5 });
    expect(f[6]).toMatchObject({ eligible: 2, retained: 1, notRetained: 1, unknown: 0, rate: 0.5 });
  });

  it("a placement ended before a check-in is not retained at it, even if the check-in was left pending", () => {
    const p = placement("2026-06-10", ["in_post", "pending", "pending"], "2026-08-01");
    expect(outcomeAt(p, 1)).toBe("retained");
    expect(outcomeAt(p, 3)).toBe("not_retained");
    expect(outcomeAt(p, 6)).toBe("not_retained");
    // the 3-month call was never made, but the job ended after its date: retained at 3 months
    expect(outcomeAt(placement("2026-06-10", ["in_post", "pending", "ended"], "2026-10-01"), 3)).toBe("retained");
    // ended after the 6-month date: still retained at 6 months
    expect(outcomeAt(placement("2026-06-10", ["in_post", "in_post", "in_post"], "2027-01-15"), 6)).toBe("retained");
  });

  it("a placement starting in the future counts nowhere", () => {
    const f = retention([placement("2027-04-01", ["pending", "pending", "pending"])], today);
    expect(f.map((x) => x.eligible)).toEqual([0, 0, 0]);
    expect(f.map((x) => x.rate)).toEqual([null, null, null]);
  });

  it("leaves unreachable people and unrecorded check-ins out of the rate", () => {
    const f = byMonths(
      retention(
        [placement("2026-01-05", ["unreachable", "unreachable", "in_post"]), placement("2026-01-05", ["pending", "pending", "pending"])],
        today,
      ),
    );
    expect(f[1]).toMatchObject({ eligible: 2, unknown: 2, rate: null });
    expect(f[6]).toMatchObject({ eligible: 2, retained: 1, unknown: 1, rate: 1 });
  });

  it("handles month ends: a start on 31 August is due at 6 months on 28 February", () => {
    const p = placement("2026-08-31", ["in_post", "in_post", "pending"]);
    expect(byMonths(retention([p], "2027-02-27"))[6]!.eligible).toBe(0);
    expect(byMonths(retention([p], "2027-02-28"))[6]!.eligible).toBe(1);
  });

  it("handles leap years: a start on 31 August 2027 is due at 6 months on 29 February 2028", () => {
    const p = placement("2027-08-31", ["in_post", "in_post", "in_post"]);
    expect(byMonths(retention([p], "2028-02-28"))[6]!.eligible).toBe(0);
    expect(byMonths(retention([p], "2028-02-29"))[6]).toMatchObject({ eligible: 1, retained: 1, rate: 1 });
  });
});

describe("median days from sign-up to first hire", () => {
  it("takes the median over people hired at least once", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(
      medianDaysToFirstHire([
        { signedUpOn: "2026-01-01", firstHireOn: "2026-01-11" }, // 10
        { signedUpOn: "2026-01-01", firstHireOn: "2026-03-02" }, // 60
        { signedUpOn: "2026-02-01", firstHireOn: null }, // never hired: left out
        { signedUpOn: "2028-02-01", firstHireOn: "2028-03-01" }, // 29 (leap year)
      ]),
    ).toBe(29);
  });

  it("counts a hire dated before the sign-up as 0 days", () => {
    expect(medianDaysToFirstHire([{ signedUpOn: "2026-05-01", firstHireOn: "2026-04-01" }])).toBe(0);
    expect(medianDaysToFirstHire([])).toBeNull();
  });
});
