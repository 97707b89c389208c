import { eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { addMonths, addDays } from "../../lib/dates";
import { checkIns } from "./schema";
import { createPlacementByAdviser } from "./placements";
import { openTestDatabase } from "../testing/db";
import { callerFor, makeUser } from "../testing/callers";
import { makeProfile } from "../testing/factories";
import { emailOutbox, notifications } from "../notifications/schema";
import { reminderText, sendDueReminders } from "./reminders";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const today = "2027-03-01";

async function placementFor(startsOn: string) {
  const adviser = await makeUser(h.db, "adviser", { territoryCode: "blois" });
  const profile = await makeProfile(h.db, "41018", { adviserId: adviser.id, territoryCode: "blois", firstName: "Léa", lastName: "Durand" });
  const session = { id: adviser.id, role: "adviser" as const, email: adviser.email, firstName: "A", lastName: "B", territoryCode: "blois" };
  const { id } = await createPlacementByAdviser(
    h.db,
    session,
    { profileId: profile.id, employerName: "Garage Petit", jobTitle: "Mécanicien", contract: "cdi", startsOn, romeCode: null, hoursPerWeek: 35 },
    today,
  );
  return { adviser, placementId: id };
}

describe("check-in reminders", () => {
  it("reminds each due check-in once: a notification and an e-mail in the outbox for the adviser", async () => {
    // 7 months ago: 1, 3 and 6 months are due; 2 months ago: only the first; next month: none
    const a = await placementFor(addMonths(today, -7));
    const b = await placementFor(addMonths(today, -2));
    await placementFor(addMonths(today, 1));
    // a check-in already recorded is not reminded
    const [recorded] = await h.db.select().from(checkIns).where(eq(checkIns.placementId, b.placementId));
    await h.db.update(checkIns).set({ status: "in_post" }).where(eq(checkIns.id, recorded!.id));

    const first = await sendDueReminders(h.db, today, { batchSize: 2 });
    expect(first).toEqual({ reminded: 3, emails: 3 });
    const notes = await h.db.select().from(notifications).where(eq(notifications.userId, a.adviser.id));
    expect(notes).toHaveLength(3);
    expect(notes[0]).toMatchObject({ kind: "check_in_due", link: "/conseiller/suivi", title: expect.stringMatching(/Point de suivi à \d mois : Léa Durand/) });
    const mails = await h.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, a.adviser.email!));
    expect(mails).toHaveLength(3);
    expect(mails.every((m) => m.sentAt === null)).toBe(true);
    expect(await h.db.select().from(notifications).where(eq(notifications.userId, b.adviser.id))).toHaveLength(0);

    // again, and two runners at once: nothing is sent twice
    const again = await Promise.all([sendDueReminders(h.db, today), sendDueReminders(h.db, today)]);
    expect(again.map((r) => r.reminded)).toEqual([0, 0]);
    expect(await h.db.select().from(checkIns).where(isNotNull(checkIns.remindedAt))).toHaveLength(3);

    // a later day brings the next check-in due
    const later = await sendDueReminders(h.db, addMonths(today, 1));
    expect(later.reminded).toBe(1);
  });

  it("the outbox page shows an adviser only the e-mails sent to them, an admin all", async () => {
    const a = await placementFor(addMonths(today, -4));
    await sendDueReminders(h.db, today);
    const mine = await (await callerFor(h.db, a.adviser.id)).followup.outbox();
    expect(mine.length).toBe(2);
    expect(mine.every((m) => m.toAddress === a.adviser.email && m.sentAt === null)).toBe(true);
    const other = await makeUser(h.db, "adviser");
    expect(await (await callerFor(h.db, other.id)).followup.outbox()).toEqual([]);
    const admin = await makeUser(h.db, "admin");
    expect((await (await callerFor(h.db, admin.id)).followup.outbox({ limit: 200 })).length).toBeGreaterThan(2);
  });

  it("says when a check-in is late", () => {
    const t = reminderText({ monthsAfter: 3, dueOn: "2027-02-20", jobTitle: "Cariste", employerName: "Logistique 41", firstName: "Marc", lastName: "Roy" }, today);
    expect(t.title).toBe("Point de suivi à 3 mois : Marc Roy");
    expect(t.body).toMatch(/^Cariste chez Logistique 41 — prévu le 20\/02\/2027, en retard\./);
    expect(reminderText({ monthsAfter: 1, dueOn: addDays(today, 0), jobTitle: "Cariste", employerName: null, firstName: "Marc", lastName: "Roy" }, today).body).not.toMatch(
      /retard/,
    );
  });
});
