import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../auth/schema";
import { verifySignIn } from "../auth/accounts";
import type { DatabaseHandle } from "../db/client";
import { instanceToday } from "../config/time-zone";
import { addDays, addMonths } from "../../lib/dates";
import { emailOutbox, notifications } from "../notifications/schema";
import { beneficiaryProfiles } from "../profiles/schema";
import { callerAs } from "../testing/callers";
import { openTestDatabase } from "../testing/db";
import { makeProfile } from "../testing/factories";
import { findInWholeDatabase, seedRichPerson } from "../testing/rich-person";
import { privacyPurge } from "../../cli/privacy-command";
import { RETENTION_WARNING_KIND, runRetention } from "./retention";

// Each test seeds a person in every table and dumps the whole database: slow on a busy machine.
const SLOW = 240_000;

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const today = instanceToday();
const noon = (d: string) => new Date(`${d}T12:00:00Z`);

/** Moves everything the person did back to `day` (noon), as if nothing had happened since. */
async function ageEverything(profileId: string, userId: string | null, day: string) {
  const at = noon(day).toISOString();
  await h.db.execute(sql`update beneficiary_profiles set created_at = ${at}::timestamptz, updated_at = ${at}::timestamptz where id = ${profileId}::uuid`);
  if (userId) await h.db.execute(sql`update users set created_at = ${at}::timestamptz, last_sign_in_at = ${at}::timestamptz where id = ${userId}::uuid`);
  await h.db.execute(sql`update applications set created_at = ${at}::timestamptz, updated_at = ${at}::timestamptz where profile_id = ${profileId}::uuid`);
  await h.db.execute(sql`update proposals set created_at = ${at}::timestamptz, answered_at = ${at}::timestamptz where profile_id = ${profileId}::uuid`);
  await h.db.execute(sql`update adviser_notes set created_at = ${at}::timestamptz where profile_id = ${profileId}::uuid`);
  await h.db.execute(sql`update placements set created_at = ${at}::timestamptz where profile_id = ${profileId}::uuid`);
  await h.db.execute(
    sql`update check_ins set recorded_at = case when recorded_at is null then null else ${at}::timestamptz end, due_on = ${day}::date
        where placement_id in (select id from placements where profile_id = ${profileId}::uuid)`,
  );
}

// (the seeded person also has check-in reminders about her: only the retention warnings count here)
const warningsAbout = async (profileId: string) =>
  (await h.db.select().from(notifications).where(eq(notifications.aboutProfileId, profileId))).filter((n) => n.kind === RETENTION_WARNING_KIND);
const mailsAbout = async (profileId: string) =>
  (await h.db.select().from(emailOutbox).where(eq(emailOutbox.aboutProfileId, profileId))).filter((m) => m.subject.includes("seront effacées"));

describe("retention schedule", () => {
  it("warns once a month before 24 months without activity, then erases; the dump finds nothing", async () => {
    const p = await seedRichPerson(h.db);
    const lastDay = addMonths(today, -23); // 23 months ago: the warning is due today
    await ageEverything(p.profileId, p.user.id, lastDay);
    const bystander = await makeProfile(h.db, "41018"); // active today

    // a day too early: nothing
    const early = await runRetention(h.db, { today: addDays(today, -1), now: noon(addDays(today, -1)), months: 24 });
    expect(early.warned).toBe(0);
    expect(await warningsAbout(p.profileId)).toHaveLength(0);

    const first = await runRetention(h.db, { today, now: noon(today), months: 24 });
    expect(first.warned).toBeGreaterThanOrEqual(1);
    expect(first.erased).toBe(0);
    const eraseOn = addMonths(lastDay, 24);
    const day = `${eraseOn.slice(8, 10)}/${eraseOn.slice(5, 7)}/${eraseOn.slice(0, 4)}`;
    const notes = await warningsAbout(p.profileId);
    expect(notes.map((n) => [n.userId, n.kind]).sort()).toEqual(
      [
        [p.user.id, RETENTION_WARNING_KIND],
        [p.adviser.id, RETENTION_WARNING_KIND],
      ].sort(),
    );
    expect(notes.every((n) => n.title.includes(day))).toBe(true);
    const mails = await mailsAbout(p.profileId);
    expect(mails.map((m) => m.toAddress)).toEqual([p.email]);
    expect(mails[0]!.body).toContain("connectez-vous");

    // exactly once: the next runs before the date warn nobody again
    const again = await runRetention(h.db, { today: addDays(today, 3), now: noon(addDays(today, 3)), months: 24 });
    expect(again.erased).toBe(0);
    expect(await warningsAbout(p.profileId)).toHaveLength(2);
    expect(await mailsAbout(p.profileId)).toHaveLength(1);
    expect(await h.db.select().from(beneficiaryProfiles).where(eq(beneficiaryProfiles.id, p.profileId))).toHaveLength(1);

    // the day before the erasure date: still there; on the date: erased, the bystander kept
    const before = addDays(eraseOn, -1);
    await runRetention(h.db, { today: before, now: noon(before), months: 24 });
    expect(await h.db.select().from(beneficiaryProfiles).where(eq(beneficiaryProfiles.id, p.profileId))).toHaveLength(1);
    const last = await runRetention(h.db, { today: eraseOn, now: noon(eraseOn), months: 24 });
    expect(last.erased).toBeGreaterThanOrEqual(1);
    expect(await findInWholeDatabase(h.db, [p.firstName, p.lastName, p.email, p.phone, p.profileId, p.user.id, p.externalId])).toEqual({});
    expect(await h.db.select().from(beneficiaryProfiles).where(eq(beneficiaryProfiles.id, bystander.id))).toHaveLength(1);
  }, SLOW);

  it("a sign-in after the warning keeps the person (and they are warned again only after new inactivity)", async () => {
    const { user: adviser } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const p = await seedRichPerson(h.db);
    await h.db.update(beneficiaryProfiles).set({ adviserId: adviser.id }).where(eq(beneficiaryProfiles.id, p.profileId));
    const lastDay = addMonths(today, -23);
    await ageEverything(p.profileId, p.user.id, lastDay);
    await runRetention(h.db, { today, now: new Date(), months: 24 });
    expect(await mailsAbout(p.profileId)).toHaveLength(1);

    // she signs in (now), after the warning
    expect((await verifySignIn(h.db, p.email, p.password, "203.0.113.77")).ok).toBe(true);
    const eraseOn = addMonths(lastDay, 24);
    const r = await runRetention(h.db, { today: eraseOn, now: noon(eraseOn), months: 24 });
    expect(await h.db.select().from(beneficiaryProfiles).where(eq(beneficiaryProfiles.id, p.profileId))).toHaveLength(1);
    expect(await h.db.select().from(users).where(eq(users.id, p.user.id))).toHaveLength(1);
    expect(await warningsAbout(p.profileId)).toHaveLength(2); // no new warning (the e-mail itself left the outbox after 30 days)
    expect(r.date).toBe(eraseOn);
  }, SLOW);

  it("a person without an account or e-mail is announced to their adviser; an adviser's note keeps them", async () => {
    const { user: adviser, caller } = await callerAs(h.db, "adviser", { territoryCode: "blois" });
    const person = await makeProfile(h.db, "41018", { adviserId: adviser.id, territoryCode: "blois" });
    const lastDay = addMonths(today, -30); // long past the limit: still warned first, never erased at once
    await ageEverything(person.id, null, lastDay);
    const r1 = await runRetention(h.db, { today, now: new Date(), months: 24 });
    expect(r1.erased).toBe(0);
    const notes = await warningsAbout(person.id);
    expect(notes.map((n) => n.userId)).toEqual([adviser.id]);
    expect(notes[0]!.link).toBe(`/conseiller/personnes/${person.id}`);
    expect(await mailsAbout(person.id)).toHaveLength(0);

    await caller.caseload.addNote({ profileId: person.id, body: "Toujours accompagnée, rendez-vous le mois prochain." });
    const later = addMonths(today, 1);
    await runRetention(h.db, { today: later, now: noon(later), months: 24 });
    expect(await h.db.select().from(beneficiaryProfiles).where(eq(beneficiaryProfiles.id, person.id))).toHaveLength(1);
  }, SLOW);

  it("sent e-mails leave the outbox after 30 days", async () => {
    const now = new Date();
    const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
    const [old, recent, unsentOld] = await h.db
      .insert(emailOutbox)
      .values([
        { toAddress: "ancien@exemple.fr", subject: "a", body: "a", sentAt: days(31), createdAt: days(31) },
        { toAddress: "recent@exemple.fr", subject: "b", body: "b", sentAt: days(29), createdAt: days(40) },
        { toAddress: "jamais@exemple.fr", subject: "c", body: "c", sentAt: null, createdAt: days(31) },
      ])
      .returning();
    const r = await runRetention(h.db, { now, months: 24 });
    expect(r.outboxDeleted).toBeGreaterThanOrEqual(2);
    const left = new Set((await h.db.select({ id: emailOutbox.id }).from(emailOutbox)).map((x) => x.id));
    expect(left.has(old!.id)).toBe(false);
    expect(left.has(unsentOld!.id)).toBe(false);
    expect(left.has(recent!.id)).toBe(true);
  }, SLOW);

  it("the command line runs the same schedule and prints its report", async () => {
    const out: string[] = [];
    const log: string[] = [];
    await privacyPurge(h.db, today, { json: true }, (x) => out.push(x), (x) => log.push(x));
    expect(JSON.parse(out.join(""))).toMatchObject({ date: today, inactiveMonths: 24, warned: expect.any(Number), erased: expect.any(Number) });
    await privacyPurge(h.db, today, {}, (x) => out.push(x), (x) => log.push(x));
    expect(log.at(-1)).toMatch(/^Conservation au .* \(effacement après 24 mois sans activité\)/);
  }, SLOW);
});
