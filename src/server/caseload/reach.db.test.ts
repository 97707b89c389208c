import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../audit/schema";
import type { DatabaseHandle } from "../db/client";
import { failingAddresses, pushSubscriptions } from "../notifications/schema";
import { openTestDatabase } from "../testing/db";
import { callerFor, makeUser } from "../testing/callers";
import { makeProfile } from "../testing/factories";

// Advisers see (and cannot change) how the platform's messages reach a person, in the audited file.

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

describe("the file says how messages reach the person", () => {
  it("e-mail (failing or not), SMS when a phone is given, push devices, alerts frequency; opening it is audited", async () => {
    const adviser = await makeUser(h.db, "adviser", { territoryCode: "blois" });
    const user = await makeUser(h.db, "beneficiary");
    const profile = await makeProfile(h.db, "41018", { userId: user.id, adviserId: adviser.id, territoryCode: "blois", phone: "+33612345678" });
    const person = await callerFor(h.db, user.id);
    await person.notifications.savePreference({ category: "job_alert", channels: ["email"], frequency: "daily" });
    await h.db.insert(pushSubscriptions).values({ userId: user.id, endpoint: `https://push.example/${user.id}`, p256dh: "k", auth: "a" });
    const mine = await callerFor(h.db, adviser.id);

    const file = await mine.caseload.file({ profileId: profile.id });
    expect(file.reach).toMatchObject({ email: user.email, emailFailing: false, phone: true, pushDevices: 1, alertsFrequency: "daily" });
    expect(file.reach!.categories.find((c) => c.label === "Un employeur veut vous rencontrer")).toMatchObject({ channels: ["email", "sms", "push"] });

    await h.db.insert(failingAddresses).values({ address: user.email!.toLowerCase(), error: "550 mailbox unavailable" });
    expect((await mine.caseload.file({ profileId: profile.id })).reach!.emailFailing).toBe(true);

    const audits = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "profile.file_open"), eq(auditEvents.subjectId, profile.id)));
    expect(audits.map((a) => a.actorId)).toEqual([adviser.id, adviser.id]);

    // seeing is not changing: the adviser's own settings hold only advisers' categories
    await expect(mine.notifications.savePreference({ category: "job_alert", channels: [], frequency: "never" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("someone without an account: no reach (only their adviser can reach them)", async () => {
    const adviser = await makeUser(h.db, "adviser", { territoryCode: "blois" });
    const profile = await makeProfile(h.db, "41018", { adviserId: adviser.id, territoryCode: "blois", phone: "+33612345678" });
    expect((await (await callerFor(h.db, adviser.id)).caseload.file({ profileId: profile.id })).reach).toBeNull();
  });
});
