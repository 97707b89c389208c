import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, uuidList, type DatabaseHandle } from "../db/client";
import { openTestDatabase } from "../testing/db";
import { makeProfile } from "../testing/factories";
import { PROFILE_STEP_KEYS, profileCompleteness } from "./completeness";
import { profileCompletenessSql } from "./completeness-sql";
import { loadProfile } from "./load";
import type { ProfileData } from "./save";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const nothing: Partial<ProfileData> = {
  travelModes: [],
  jobs: [],
  skillCodes: [],
  visibleToEmployers: false,
  availableFrom: null,
  fullTime: null,
  about: null,
  formations: [],
  stepsDone: [],
};
const soughtJob = { kind: "sought" as const, romeCode: "J1501", label: "Aide-soignant" };
const doneJob = { kind: "done" as const, romeCode: "K1302", label: "Aide à domicile", years: 2 };

/** Profiles in the states the bar distinguishes: saved or not, content or not, minimums reached or not. */
const STATES: Record<string, Partial<ProfileData>> = {
  "a commune only": nothing,
  "every step saved, no job sought and two skills": { ...nothing, stepsDone: [...PROFILE_STEP_KEYS], skillCodes: [101, 102] },
  "every step saved with enough content": {
    ...nothing,
    stepsDone: [...PROFILE_STEP_KEYS],
    jobs: [soughtJob],
    skillCodes: [101, 102, 103],
  },
  "imported: content, no step saved": {
    ...nothing,
    travelModes: ["car", "bike"],
    jobs: [soughtJob, { ...soughtJob, romeCode: "K1302", label: "Aide à domicile" }],
    skillCodes: [101, 102, 103, 104],
    availableFrom: "2026-09-01",
    about: "Sérieuse et ponctuelle.",
    visibleToEmployers: true,
  },
  "part-time wish, a formation, a job done but none sought": {
    ...nothing,
    fullTime: false,
    formations: [{ title: "CAP Petite enfance", romeCodes: [], year: 2019 }],
    jobs: [doneJob],
    stepsDone: ["jobs"],
  },
  "saved mobility and availability without their content, empty about": {
    ...nothing,
    stepsDone: ["mobility", "availability", "visibility"],
    about: "",
    skillCodes: [101, 102, 103, 104, 105],
  },
  "every step saved, a job sought, no skill ticked": { ...nothing, stepsDone: [...PROFILE_STEP_KEYS], jobs: [soughtJob] },
  "imported: one skill, nothing saved": { ...nothing, skillCodes: [101] },
  "a job sought, three skills, hidden": { ...nothing, jobs: [soughtJob, doneJob], skillCodes: [101, 102, 103], fullTime: true },
};

describe("CV completeness in SQL", () => {
  it("gives every profile the same percent as the person's completeness bar, with either lookup", async () => {
    const ids: Record<string, string> = {};
    for (const [name, overrides] of Object.entries(STATES)) ids[name] = (await makeProfile(h.db, "41018", overrides)).id;

    const rows = await queryRows<{ id: string; per_row: number; hashed: number }>(
      h.db,
      sql`select p.id, ${profileCompletenessSql("p")}::int as per_row, ${profileCompletenessSql("p", "hashed")}::int as hashed
          from beneficiary_profiles p where p.id in (${uuidList(Object.values(ids))})`,
    );
    const byId = new Map(rows.map((r) => [String(r.id), r]));

    const percents: Record<string, number> = {};
    for (const [name, id] of Object.entries(ids)) {
      const stored = await loadProfile(h.db, id);
      const ts = profileCompleteness(stored!).percent;
      const row = byId.get(id)!;
      expect({ name, sql: Number(row.per_row), hashed: Number(row.hashed) }).toEqual({ name, sql: ts, hashed: ts });
      percents[name] = ts;
    }
    // the states are different enough to mean something
    expect(percents["a commune only"]).toBe(15);
    expect(percents["every step saved with enough content"]).toBe(100);
    expect(percents["imported: content, no step saved"]).toBe(100);
    expect(new Set(Object.values(percents)).size).toBeGreaterThanOrEqual(5);
  });
});
