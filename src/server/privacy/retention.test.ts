import { describe, expect, it } from "vitest";
import { erasureDay, retentionDecision } from "./retention";

// Noon UTC is the same day in Paris all year round.
const at = (d: string) => new Date(`${d}T12:00:00Z`);

describe("retention dates (24 months)", () => {
  it("keeps_a_profile_active_less_than_23_months_ago", () => {
    expect(retentionDecision({ lastActivityAt: at("2024-03-15"), warnedAt: null }, "2026-02-14", 24)).toBe("keep");
  });

  it("warns_a_calendar_month_before_the_limit", () => {
    expect(retentionDecision({ lastActivityAt: at("2024-03-15"), warnedAt: null }, "2026-02-15", 24)).toBe("warn");
  });

  it("never_erases_without_a_warning_even_long_after_the_limit", () => {
    expect(retentionDecision({ lastActivityAt: at("2020-01-01"), warnedAt: null }, "2026-12-01", 24)).toBe("warn");
  });

  it("does_not_warn_twice", () => {
    expect(retentionDecision({ lastActivityAt: at("2024-03-15"), warnedAt: at("2026-02-15") }, "2026-02-20", 24)).toBe("keep");
  });

  it("erases_at_the_limit_once_warned_a_month_before", () => {
    expect(retentionDecision({ lastActivityAt: at("2024-03-15"), warnedAt: at("2026-02-15") }, "2026-03-14", 24)).toBe("keep");
    expect(retentionDecision({ lastActivityAt: at("2024-03-15"), warnedAt: at("2026-02-15") }, "2026-03-15", 24)).toBe("erase");
  });

  it("gives_a_full_month_after_a_late_warning", () => {
    // warned late (the job was off): the limit passed, but the person still gets a month
    expect(retentionDecision({ lastActivityAt: at("2023-01-10"), warnedAt: at("2026-05-20") }, "2026-06-19", 24)).toBe("keep");
    expect(retentionDecision({ lastActivityAt: at("2023-01-10"), warnedAt: at("2026-05-20") }, "2026-06-20", 24)).toBe("erase");
    expect(erasureDay(at("2023-01-10"), "2026-05-20", 24)).toBe("2026-06-20");
    expect(erasureDay(at("2024-03-15"), "2026-02-15", 24)).toBe("2026-03-15");
  });

  it("an_activity_after_the_warning_cancels_it", () => {
    expect(retentionDecision({ lastActivityAt: at("2026-03-01"), warnedAt: at("2026-02-15") }, "2026-03-20", 24)).toBe("keep");
  });

  it("clamps_month_ends_and_follows_the_instance_setting", () => {
    // 31 March + 11 months = 29 February in a leap year
    expect(retentionDecision({ lastActivityAt: at("2027-03-31"), warnedAt: null }, "2028-02-28", 12)).toBe("keep");
    expect(retentionDecision({ lastActivityAt: at("2027-03-31"), warnedAt: null }, "2028-02-29", 12)).toBe("warn");
  });

  it("uses_the_paris_day_of_the_last_activity", () => {
    // 23:30 UTC on 14 March is already 15 March in Paris
    const late = new Date("2024-03-14T23:30:00Z");
    expect(retentionDecision({ lastActivityAt: late, warnedAt: null }, "2026-02-14", 24)).toBe("keep");
    expect(retentionDecision({ lastActivityAt: late, warnedAt: null }, "2026-02-15", 24)).toBe("warn");
  });
});
