import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { openTestDatabase } from "../testing/db";
import { makeOffer, makeProfile } from "../testing/factories";
import { COMMON_SKILLS_SHOWN, rankedJobSkills, skillSuggestions } from "./skill-suggestions";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

describe("the skills step's suggestions", () => {
  it("lists a job's savoir-faire, shortest wording first while nobody has ticked any", async () => {
    const skills = await rankedJobSkills(h.db, "J1501");
    expect(skills.length).toBeGreaterThan(COMMON_SKILLS_SHOWN);
    const lengths = skills.map((s) => s.label.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  });

  it("puts first what offers of the job ask for and what people seeking it ticked", async () => {
    const cold = await rankedJobSkills(h.db, "J1501");
    // two of the longest wordings, which came last
    const byOffers = cold.at(-1)!.ogrCode;
    const byPeople = cold.at(-2)!.ogrCode;
    await makeOffer(h.db, "41018", { romeCode: "J1501", requiredSkills: [byOffers] });
    await makeOffer(h.db, "41018", { romeCode: "J1501", requiredSkills: [byOffers] });
    await makeProfile(h.db, "41018", { skillCodes: [byPeople] });
    // a person seeking another job does not count for this one
    await makeProfile(h.db, "41018", { skillCodes: [cold.at(-3)!.ogrCode], jobs: [{ kind: "sought", romeCode: "K1302", label: "Aide à domicile" }] });

    const warm = await rankedJobSkills(h.db, "J1501");
    expect(warm.slice(0, 2).map((s) => s.ogrCode)).toEqual([byOffers, byPeople]);
    expect(warm.slice(2, 3)).toEqual(cold.slice(0, 1));
    expect(warm).toHaveLength(cold.length);
  });

  it("gives each job its own list, the savoir-être of them all, and how many show first", async () => {
    const s = await skillSuggestions(h.db, ["J1501", "K1302", "J1501"]);
    expect(s.jobs.map((j) => j.romeCode)).toEqual(["J1501", "K1302"]);
    expect(s.softSkills.length).toBeGreaterThan(0);
    expect(s.commonShown).toBe(COMMON_SKILLS_SHOWN);
  });
});
