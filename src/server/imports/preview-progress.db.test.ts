// Issue 18 (staff): a long CSV preview shows how far it has gone (lines checked out of total),
// and a file read with the wrong separator says so in a message that can wrap.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { callerAs } from "../testing/callers";
import { fieldErrors } from "../testing/errors";
import { openTestDatabase } from "../testing/db";
import { previewProgress } from "./browser";
import { importCsv } from "./index";
import { PROGRESS_EVERY } from "./run";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const LINES = PROGRESS_EVERY * 2 + 17;
const csv = () =>
  ["external_id;first_name;last_name;commune_insee;jobs", ...Array.from({ length: LINES }, (_, i) => `P${i};Awa${i};Traoré;41018;J1501`)].join("\n");

describe("the preview's progress", () => {
  it("the importer tells lines checked out of total, in order, ending with all of them", async () => {
    const seen: Array<[number, number]> = [];
    await importCsv(h.db, "beneficiaries", csv(), { dryRun: true, onProgress: (c, t) => void seen.push([c, t]) });
    expect(seen[0]).toEqual([0, LINES]);
    expect(seen).toContainEqual([PROGRESS_EVERY, LINES]);
    expect(seen.at(-1)).toEqual([LINES, LINES]);
    expect(seen.map(([c]) => c)).toEqual([...seen.map(([c]) => c)].sort((a, b) => a - b));
  });

  it("while a preview runs, its admin reads the progress by its id; another admin reads nothing; gone once done", async () => {
    const { caller: admin, user } = await callerAs(h.db, "admin");
    const { caller: other } = await callerAs(h.db, "admin");
    const progressId = randomUUID();
    const readings: Array<{ checked: number; total: number } | null> = [];
    let othersReading: unknown = "not read";
    let done = false;
    const running = admin.imports.preview({ kind: "beneficiaries", text: csv(), progressId }).finally(() => {
      done = true;
    });
    // read while it runs, as the page does every second
    while (!done) {
      const now = previewProgress(user.id, progressId);
      if (now) {
        readings.push(now);
        if (othersReading === "not read") othersReading = await other.imports.previewProgress({ progressId });
      }
      await new Promise((r) => setImmediate(r));
    }
    const report = await running;
    expect(report.created).toBe(LINES);
    expect(readings.length).toBeGreaterThan(0);
    for (const r of readings) expect(r).toMatchObject({ total: LINES });
    expect(othersReading).toBeNull();
    expect(await admin.imports.previewProgress({ progressId })).toBeNull();
  });
});

describe("a file read with the wrong separator", () => {
  it("says the header has one column, and cuts the list short", async () => {
    const { caller: admin } = await callerAs(h.db, "admin");
    const header = Array.from({ length: 60 }, (_, i) => `colonne_numero_${i}`).join("|");
    const errors = await fieldErrors(admin.imports.preview({ kind: "beneficiaries", text: `${header}\nA|B\n` }));
    const message = errors.text?.[0] ?? "";
    expect(message).toMatch(/le séparateur n'est sans doute pas le bon/);
    expect(message).toMatch(/…/);
    expect(message.length).toBeLessThan(700);
  });
});
