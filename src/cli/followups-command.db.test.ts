import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../server/db/client";
import { addMonths } from "../lib/dates";
import { createPlacementByAdviser } from "../server/followup/placements";
import { openTestDatabase } from "../server/testing/db";
import { makeUser } from "../server/testing/callers";
import { makeProfile } from "../server/testing/factories";
import { followupsDue, followupsRemind } from "./followups-command";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

describe("npm run cli -- followups", () => {
  it("lists the due check-ins of a date as JSON, for one adviser, then sends the reminders once", async () => {
    const date = "2027-03-01";
    const adviser = await makeUser(h.db, "adviser", { territoryCode: "blois" });
    const profile = await makeProfile(h.db, "41018", { adviserId: adviser.id, territoryCode: "blois" });
    await createPlacementByAdviser(
      h.db,
      { id: adviser.id, role: "adviser", email: adviser.email, firstName: "A", lastName: "B", territoryCode: "blois" },
      { profileId: profile.id, employerName: "Mairie", jobTitle: "Agent d'entretien", contract: "cdd", startsOn: addMonths(date, -7), romeCode: null, hoursPerWeek: null },
      date,
    );
    let out = "";
    const logs: string[] = [];
    await followupsDue(h.db, { date, adviser: adviser.email!, json: true }, (s) => (out += s), (s) => logs.push(s));
    const parsed = JSON.parse(out) as { date: string; overdue: Array<{ monthsAfter: number }>; dueThisWeek: unknown[] };
    expect(parsed.date).toBe(date);
    expect(parsed.overdue.map((o) => o.monthsAfter)).toEqual([1, 3, 6]);

    out = "";
    await followupsDue(h.db, { date: "2026-09-01" }, (s) => (out += s), (s) => logs.push(s));
    expect(out).toMatch(/^Points de suivi au 01\/09\/2026/);
    expect(out).toMatch(/En retard : 0/);
    expect(out).toMatch(/Cette semaine : 1/);

    await expect(followupsDue(h.db, { date, adviser: "nobody@example.org" }, () => {}, () => {})).rejects.toThrow(/Conseiller introuvable/);

    await followupsRemind(h.db, { date }, (s) => logs.push(s));
    await followupsRemind(h.db, { date }, (s) => logs.push(s));
    expect(logs.slice(-2)).toEqual([
      expect.stringMatching(/^Rappels au 01\/03\/2027 : 3 point\(s\) de suivi, 3 e-mail/),
      expect.stringMatching(/: 0 point\(s\) de suivi/),
    ]);
  });
});
