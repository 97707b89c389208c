import { describe, expect, it } from "vitest";
import { completeness, minutesToKm, profileCompleteness } from "./completeness";

describe("CV completeness", () => {
  it("is 0 % with the first step to do when nothing is saved", () => {
    const c = completeness(null);
    expect(c.percent).toBe(0);
    expect(c.next).toBe("place");
    expect(c.missing).toHaveLength(7);
  });

  it("counts saved steps by weight and says what is missing", () => {
    const c = completeness({ stepsDone: ["place", "mobility", "jobs"], soughtJobs: 1 });
    expect(c.percent).toBe(55);
    expect(c.next).toBe("skills");
    expect(c.missing.map((m) => m.label)).toContain("Vos compétences");
  });

  it("does not count a jobs step without a job sought", () => {
    const c = completeness({ stepsDone: ["place", "jobs", "skills"], soughtJobs: 0 });
    expect(c.done).toEqual(["place", "skills"]);
  });

  // Issue 18: skills are optional; the step saved with none ticked is done, "Continuer" goes on.
  it("counts the skills step saved with no skill ticked", () => {
    const c = completeness({ stepsDone: ["place", "mobility", "jobs", "skills"], soughtJobs: 1 });
    expect(c.done).toContain("skills");
    expect(c.next).toBe("availability");
  });

  it("counts skills of a profile never saved step by step (imported) once it has one", () => {
    const none = profileCompleteness({ travelModes: [], jobs: [], skillCodes: [], visibleToEmployers: false });
    const one = profileCompleteness({ travelModes: [], jobs: [], skillCodes: [101], visibleToEmployers: false });
    expect(none.done).not.toContain("skills");
    expect(one.done).toContain("skills");
  });

  it("reaches 100 % when every step is saved with enough content", () => {
    const all = ["place", "mobility", "jobs", "skills", "availability", "background", "visibility"];
    expect(completeness({ stepsDone: all, soughtJobs: 2 })).toMatchObject({ percent: 100, next: null, missing: [] });
  });
});

describe("minutes of travel to kilometres", () => {
  it("uses the fastest means chosen", () => {
    expect(minutesToKm(30, ["walk"])).toBe(3);
    expect(minutesToKm(30, ["walk", "car"])).toBe(25);
    expect(minutesToKm(60, ["public_transport"])).toBe(25);
  });

  it("never goes below 1 km", () => {
    expect(minutesToKm(5, [])).toBe(1);
  });
});
