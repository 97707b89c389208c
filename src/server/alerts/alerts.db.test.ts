import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { queryRows, type DatabaseHandle } from "../db/client";
import { openTestDatabase, tableCounts } from "../testing/db";
import { makeUser } from "../testing/callers";
import { clearMatchingData, makeFormation, makeOffer, makeProfile } from "../testing/factories";
import { savePreference } from "../notifications/preferences";
import type { Frequency } from "../notifications/categories";
import type { ProfileData } from "../profiles/save";
import { ALERT_MAX_ITEMS, ALERT_MIN_SCORE, isDue, prepareAlerts } from "./prepare";
import { alertStats, recordAlertClick } from "./clicks";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await clearMatchingData(h.db);
  await h.db.execute(sql`truncate alert_items, alert_runs, notifications, email_outbox, message_outbox, notification_preferences`);
});

// Real communes of Loir-et-Cher: Blois, Vineuil (≈6 km east), Vendôme (≈30 km north); Paris far away.
const BLOIS = "41018";
const VINEUIL = "41295";
const VENDOME = "41269";
const PARIS = "75056";

const DAY = 86_400_000;
/** The first run, a minute after the fixtures were written (offers are "published" at their creation). */
const start = () => new Date(Date.now() + 60_000);

/** A beneficiary with an account and a complete CV (aide-soignant, 20 km, no driving licence). */
async function person(overrides: Partial<ProfileData> = {}, frequency?: Frequency) {
  const user = await makeUser(h.db, "beneficiary", { firstName: "Awa" });
  const profile = await makeProfile(h.db, BLOIS, {
    userId: user.id,
    maxDistanceKm: 20,
    drivingLicence: "none",
    hasVehicle: false,
    travelModes: ["public_transport"],
    shifts: 1, // days only
    skillCodes: [100063, 100023, 100024],
    fullTime: true,
    about: "Sérieuse et ponctuelle.",
    ...overrides,
  });
  if (frequency) await savePreference(h.db, user.id, { category: "job_alert", channels: ["email"], frequency });
  return { user, profile };
}

const itemsOf = (userId: string) =>
  queryRows<{ kind: string; entity_id: string; token: string; clicked_at: Date | null }>(
    h.db,
    sql`select kind, entity_id, token, clicked_at from alert_items where user_id = ${userId}::uuid order by sent_at, entity_id`,
  );
const mailsOf = (userId: string) =>
  queryRows<{ subject: string; body: string; html: string; category: string; event_key: string }>(
    h.db,
    sql`select subject, body, html, category, event_key from email_outbox where user_id = ${userId}::uuid order by created_at`,
  );
const published = (id: string, at: Date) => h.db.execute(sql`update offers set published_at = ${at.toISOString()}::timestamptz where id = ${id}::uuid`);

describe("job alerts", () => {
  it("tells a person of a new matching offer nearby in one message, and not of far, unreachable, unrelated or poor ones", async () => {
    const { user } = await person();
    const near = await makeOffer(h.db, VINEUIL, { title: "Aide-soignant à Vineuil" });
    const here = await makeOffer(h.db, BLOIS, { title: "Aide-soignant à Blois" });
    const training = await makeFormation(h.db, BLOIS, { title: "Devenir aide-soignant" });
    await makeOffer(h.db, PARIS, { title: "Trop loin" });
    await makeOffer(h.db, VENDOME, { title: "Au-delà de 20 km" });
    await makeOffer(h.db, BLOIS, { title: "Permis exigé", licenceRequired: true });
    await makeOffer(h.db, BLOIS, { title: "De nuit seulement", shifts: 2 });
    await makeOffer(h.db, BLOIS, { title: "Autre métier", romeCode: "K2204" });
    // same large domain, none of the required skills: under the minimum score
    await makeOffer(h.db, BLOIS, { title: "Score trop bas", romeCode: "J1102", requiredSkills: [1, 2, 3] });
    const draft = await makeOffer(h.db, BLOIS, { title: "Brouillon", status: "draft" });
    expect(draft.id).toBeTruthy();

    const before = await tableCounts(h.db, ["offer_views", "applications", "proposals", "audit_events"]);
    const report = await prepareAlerts(h.db, { now: start() });
    expect(report).toMatchObject({ eligible: 1, due: 1, alerted: 1, items: 3 });

    const items = await itemsOf(user.id);
    expect(new Set(items.map((i) => i.entity_id))).toEqual(new Set([near.id, here.id, training.id]));
    expect(new Set(items.map((i) => i.token)).size).toBe(3);

    const [mail, ...others] = await mailsOf(user.id);
    expect(others).toHaveLength(0);
    expect(mail!.category).toBe("job_alert");
    expect(mail!.subject).toContain("2 nouvelles offres et 1 nouvelle formation près de chez vous");
    // best first: the offer at the door before the one 6 km away
    expect(mail!.body.indexOf("Aide-soignant à Blois")).toBeLessThan(mail!.body.indexOf("Aide-soignant à Vineuil"));
    expect(mail!.body).toContain("Formation : Devenir aide-soignant");
    for (const i of items) expect(mail!.body).toContain(`/alerte/${i.token}`);
    for (const title of ["Trop loin", "Au-delà de 20 km", "Permis exigé", "De nuit seulement", "Autre métier", "Score trop bas", "Brouillon"]) {
      expect(mail!.body).not.toContain(title);
    }
    const notes = await queryRows<{ user_id: string; title: string; link: string }>(h.db, sql`select user_id, title, link from notifications`);
    expect(notes).toEqual([{ user_id: user.id, title: "2 nouvelles offres et 1 nouvelle formation près de chez vous", link: "/beneficiaire/offres" }]);
    // nothing reaches the employers' side
    expect(await tableCounts(h.db, ["offer_views", "applications", "proposals", "audit_events"])).toEqual(before);
  });

  it("never sends the same offer twice, and sends what was published since", async () => {
    const { user } = await person({}, "immediately");
    const first = await makeOffer(h.db, BLOIS, { title: "Première offre" });
    const t0 = start();
    await prepareAlerts(h.db, { now: t0 });
    // published before the last run but never sent (e.g. it matched no one then): still never older than the last run
    const second = await makeOffer(h.db, BLOIS, { title: "Deuxième offre" });
    await published(second.id, new Date(t0.getTime() + 1000));
    const report = await prepareAlerts(h.db, { now: new Date(t0.getTime() + 60_000) });
    expect(report).toMatchObject({ alerted: 1, items: 1 });
    // a third run with nothing new: no message, no second copy of either offer
    expect(await prepareAlerts(h.db, { now: new Date(t0.getTime() + 120_000) })).toMatchObject({ due: 1, alerted: 0, items: 0 });
    const items = await itemsOf(user.id);
    expect(items.map((i) => i.entity_id)).toEqual([first.id, second.id]);
    const mails = await mailsOf(user.id);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.body).toContain("Deuxième offre");
    expect(mails[1]!.body).not.toContain("Première offre");
  });

  it("sends nothing to a person whose CV is not complete", async () => {
    const { user } = await person({ skillCodes: [] }); // the skills step never done, no skill: incomplete
    const withoutAccount = await makeProfile(h.db, BLOIS, { skillCodes: [1, 2, 3], fullTime: true, about: "x" });
    expect(withoutAccount.id).toBeTruthy();
    await makeOffer(h.db, BLOIS);
    expect(await prepareAlerts(h.db, { now: start() })).toMatchObject({ eligible: 0, alerted: 0 });
    expect(await itemsOf(user.id)).toEqual([]);
    expect(await mailsOf(user.id)).toEqual([]);
    expect(await tableCounts(h.db, ["notifications", "alert_runs"])).toEqual({ notifications: 0, alert_runs: 0 });
  });

  it("sends nothing to a person who chose never, nor to a disabled account or someone no longer seeking", async () => {
    const never = await person({}, "never");
    const disabled = await person();
    await h.db.execute(sql`update users set status = 'disabled' where id = ${disabled.user.id}::uuid`);
    const found = await person({ seeking: false });
    await makeOffer(h.db, BLOIS);
    expect(await prepareAlerts(h.db, { now: start() })).toMatchObject({ alerted: 0, items: 0 });
    for (const p of [never, disabled, found]) expect(await itemsOf(p.user.id)).toEqual([]);
    expect(await tableCounts(h.db, ["notifications", "email_outbox"])).toEqual({ notifications: 0, email_outbox: 0 });
  });

  it("sends weekly alerts no sooner than 7 days after the last one (and daily ones the next day)", async () => {
    const weekly = await person(); // the default: weekly
    const daily = await person({}, "daily");
    await makeOffer(h.db, BLOIS, { title: "Semaine 1" });
    const t0 = start();
    expect(await prepareAlerts(h.db, { now: t0 })).toMatchObject({ alerted: 2 });

    const later = await makeOffer(h.db, BLOIS, { title: "Semaine 2" });
    await published(later.id, new Date(t0.getTime() + 2 * DAY));
    expect(await prepareAlerts(h.db, { now: new Date(t0.getTime() + 1 * DAY) })).toMatchObject({ due: 1, alerted: 0 }); // daily: nothing new yet
    const r3 = await prepareAlerts(h.db, { now: new Date(t0.getTime() + 3 * DAY) });
    expect(r3).toMatchObject({ due: 1, alerted: 1 }); // daily only
    expect((await itemsOf(weekly.user.id)).map((i) => i.entity_id)).not.toContain(later.id);
    expect((await itemsOf(daily.user.id)).map((i) => i.entity_id)).toContain(later.id);
    expect(await prepareAlerts(h.db, { now: new Date(t0.getTime() + 6 * DAY) })).toMatchObject({ alerted: 0 });

    const r7 = await prepareAlerts(h.db, { now: new Date(t0.getTime() + 7 * DAY) });
    expect(r7).toMatchObject({ alerted: 1 });
    expect((await itemsOf(weekly.user.id)).map((i) => i.entity_id)).toContain(later.id);
    expect(await mailsOf(weekly.user.id)).toHaveLength(2);
  });

  it("counts calendar days in the instance's time zone", () => {
    const last = new Date("2026-03-02T07:00:05Z"); // Monday 08:00:05 in Paris
    expect(isDue("weekly", last, new Date("2026-03-09T07:00:00Z"))).toBe(true); // a few seconds short of 7 × 24 h
    expect(isDue("weekly", last, new Date("2026-03-08T22:59:00Z"))).toBe(false); // Sunday 23:59 in Paris
    expect(isDue("daily", last, new Date("2026-03-02T22:59:00Z"))).toBe(false);
    expect(isDue("daily", last, new Date("2026-03-02T23:00:00Z"))).toBe(true);
    expect(isDue("immediately", last, last)).toBe(true);
    expect(isDue("never", null, last)).toBe(false);
  });

  it("keeps the best ten, and reaches everyone when the batches are small", async () => {
    const people = [await person(), await person(), await person()];
    for (let i = 0; i < ALERT_MAX_ITEMS + 2; i++) await makeOffer(h.db, i < 2 ? VINEUIL : BLOIS, { title: i < 2 ? `Plus loin ${i}` : `Offre ${i}` });
    const report = await prepareAlerts(h.db, { now: start(), batchSize: 2 });
    expect(report).toMatchObject({ batches: 2, eligible: 3, alerted: 3, items: 3 * ALERT_MAX_ITEMS });
    for (const p of people) {
      const [mail] = await mailsOf(p.user.id);
      expect(mail!.body).not.toContain("Plus loin"); // the two farther ones are left out
    }
    expect(ALERT_MIN_SCORE).toBeGreaterThan(0);
  });

  it("counts the first click only, leads to the offer or formation, and a forged token changes nothing", async () => {
    const { user } = await person();
    const offer = await makeOffer(h.db, BLOIS);
    const formation = await makeFormation(h.db, BLOIS);
    const t0 = start();
    await prepareAlerts(h.db, { now: t0 });
    const items = await itemsOf(user.id);
    const offerItem = items.find((i) => i.kind === "offer")!;
    const formationItem = items.find((i) => i.kind === "formation")!;

    expect(await recordAlertClick(h.db, offerItem.token, new Date(t0.getTime() + 1000))).toEqual({ kind: "offer", entityId: offer.id, firstClick: true });
    expect(await recordAlertClick(h.db, offerItem.token, new Date(t0.getTime() + 9000))).toEqual({ kind: "offer", entityId: offer.id, firstClick: false });
    expect(await recordAlertClick(h.db, formationItem.token)).toMatchObject({ kind: "formation", entityId: formation.id });
    const [clicked] = await queryRows<{ clicked_at: Date }>(h.db, sql`select clicked_at from alert_items where token = ${offerItem.token}`);
    expect(new Date(clicked!.clicked_at).getTime()).toBe(t0.getTime() + 1000);

    const snapshot = await queryRows(h.db, sql`select token, clicked_at from alert_items order by token`);
    const forged = [
      offerItem.token.slice(0, -1) + (offerItem.token.endsWith("A") ? "B" : "A"),
      "A".repeat(24),
      `${offerItem.token}x`,
      "'; delete from alert_items; --",
      "",
    ];
    for (const token of forged) expect(await recordAlertClick(h.db, token)).toBeNull();
    expect(await queryRows(h.db, sql`select token, clicked_at from alert_items order by token`)).toEqual(snapshot);

    const range = { from: new Date(t0.getTime() - DAY), to: new Date(t0.getTime() + DAY) };
    expect(await alertStats(h.db, range)).toEqual({ sent: 2, clicked: 2 });
    expect(await alertStats(h.db, { from: new Date(t0.getTime() + DAY), to: new Date(t0.getTime() + 2 * DAY) })).toEqual({ sent: 0, clicked: 0 });
  });

  it("never alerts one person twice when two runs race", async () => {
    const { user } = await person({}, "immediately");
    await makeOffer(h.db, BLOIS);
    const t0 = start();
    const [a, b] = await Promise.all([prepareAlerts(h.db, { now: t0 }), prepareAlerts(h.db, { now: new Date(t0.getTime() + 1) })]);
    expect(a.alerted + b.alerted).toBe(1);
    expect(await itemsOf(user.id)).toHaveLength(1);
    expect(await mailsOf(user.id)).toHaveLength(1);
  });
});
