import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { openTestDatabase } from "../testing/db";
import { makeUser } from "../testing/callers";
import { makeProfile } from "../testing/factories";
import { startBrevoSmsServer, type BrevoSmsServer } from "../testing/brevo-sms-server";
import { startPushEndpoint, type PushEndpoint, type TestSubscription } from "../testing/push-endpoint";
import { deliverMessages, MAX_MESSAGE_ATTEMPTS, type MessageProviders } from "./deliver-messages";
import { BrevoSmsProvider } from "./sms";
import { generateVapidKeys, VapidPushSender } from "./push";
import { messageOutbox, pushSubscriptions, type MessageChannel } from "./schema";
import { tell } from "./tell";

// deliverMessages against real parts: the database (both engines), a local server playing
// Brevo's SMS API, and a local push service that decrypts each message with the subscription's
// keys. The instance is in Europe/Paris: 2026-12-08 is winter time, UTC+1.

const at = (paris: string) => new Date(`${paris}+01:00`);
const TZ = "Europe/Paris";

let h: DatabaseHandle;
let brevo: BrevoSmsServer;
let pushService: PushEndpoint;
let providers: MessageProviders;

beforeAll(async () => {
  h = await openTestDatabase();
  brevo = await startBrevoSmsServer("cle-brevo");
  pushService = await startPushEndpoint();
  providers = {
    sms: new BrevoSmsProvider({ apiKey: "cle-brevo", sender: "Emploi41", apiUrl: brevo.url }),
    push: new VapidPushSender({ ...generateVapidKeys(), subject: "mailto:exploitation@example.fr" }, pushService.agent),
  };
});
afterAll(async () => {
  await brevo?.close();
  await pushService?.close();
  await h?.close();
});
beforeEach(async () => {
  await h.db.delete(messageOutbox);
  await h.db.delete(pushSubscriptions);
  brevo.received.length = 0;
  brevo.answer = 201;
  pushService.received.length = 0;
});

let seq = 0;
async function queue(userId: string, channel: MessageChannel, notBefore: Date, extra: Partial<typeof messageOutbox.$inferInsert> = {}) {
  seq++;
  const [row] = await h.db
    .insert(messageOutbox)
    .values({
      userId,
      channel,
      category: "contact_request",
      eventKey: `test:${seq}`,
      toAddress: channel === "sms" ? "+33612345678" : null,
      title: `Titre ${seq}`,
      body: `Message ${seq}`,
      link: "/beneficiaire/propositions",
      notBefore,
      ...extra,
    })
    .returning();
  return row!;
}

async function device(userId: string): Promise<TestSubscription> {
  const sub = pushService.subscribe();
  await h.db.insert(pushSubscriptions).values({ userId, endpoint: sub.endpoint, p256dh: sub.p256dh, auth: sub.auth });
  return sub;
}

const rowOf = async (id: string) => (await h.db.select().from(messageOutbox).where(eq(messageOutbox.id, id)))[0]!;

describe("deliverMessages", () => {
  it("holds what tell() queued in the quiet hours until 08:00, then sends it once on each channel", async () => {
    const user = await makeUser(h.db, "beneficiary", { firstName: "Amina" });
    await makeProfile(h.db, "41018", { userId: user.id, phone: "+33612345678" });
    const sub = await device(user.id);
    await tell(
      h.db,
      [{ userId: user.id, category: "contact_request", eventKey: "contact:1", title: "Une entreprise veut vous rencontrer", body: "Ouvrez l'application pour répondre.", sms: "Amina, une entreprise veut vous rencontrer.", link: "/beneficiaire/propositions" }],
      at("2026-12-08T21:30:00"),
    );
    const evening = await deliverMessages(h.db, providers, { now: at("2026-12-08T21:35:00"), timeZone: TZ });
    expect(evening).toEqual({ sms: { sent: 0, failed: 0, waiting: 1 }, push: { sent: 0, failed: 0, waiting: 1 } });
    expect(brevo.received).toEqual([]);
    expect(pushService.received).toEqual([]);

    const night = await deliverMessages(h.db, providers, { now: at("2026-12-09T07:59:00"), timeZone: TZ });
    expect(night.sms.sent + night.push.sent).toBe(0);

    const morning = await deliverMessages(h.db, providers, { now: at("2026-12-09T08:00:00"), timeZone: TZ });
    expect(morning).toEqual({ sms: { sent: 1, failed: 0, waiting: 0 }, push: { sent: 1, failed: 0, waiting: 0 } });
    expect(brevo.received).toEqual([expect.objectContaining({ recipient: "33612345678", sender: "Emploi41", content: expect.stringContaining("Amina, une entreprise veut vous rencontrer.") })]);
    expect(pushService.rejected).toEqual([]);
    expect(pushService.received).toEqual([
      expect.objectContaining({ subscription: sub.id, payload: { title: "Une entreprise veut vous rencontrer", body: "Ouvrez l'application pour répondre.", url: "/beneficiaire/propositions" } }),
    ]);

    const again = await deliverMessages(h.db, providers, { now: at("2026-12-09T09:00:00"), timeZone: TZ });
    expect(again.sms.sent + again.push.sent).toBe(0);
    expect(brevo.received).toHaveLength(1);
    expect(pushService.received).toHaveLength(1);
  });

  it("does not send a row found due in the quiet hours (a deliverer that ran late): it waits for 08:00", async () => {
    const user = await makeUser(h.db, "beneficiary");
    const row = await queue(user.id, "sms", at("2026-12-08T19:00:00"));
    const late = await deliverMessages(h.db, providers, { now: at("2026-12-08T22:10:00"), timeZone: TZ });
    expect(late.sms).toEqual({ sent: 0, failed: 0, waiting: 1 });
    expect((await rowOf(row.id)).notBefore).toEqual(at("2026-12-09T08:00:00"));
    expect(brevo.received).toEqual([]);
  });

  it("sends at most one SMS a day per person: the next one waits for the next morning", async () => {
    const amina = await makeUser(h.db, "beneficiary");
    const other = await makeUser(h.db, "beneficiary");
    const first = await queue(amina.id, "sms", at("2026-12-08T09:00:00"));
    const second = await queue(amina.id, "sms", at("2026-12-08T09:30:00"));
    const third = await queue(amina.id, "sms", at("2026-12-08T11:00:00"));
    await queue(other.id, "sms", at("2026-12-08T09:00:00"), { toAddress: "+33698765432" });

    const ten = await deliverMessages(h.db, providers, { now: at("2026-12-08T10:00:00"), timeZone: TZ });
    expect(ten.sms).toEqual({ sent: 2, failed: 0, waiting: 2 });
    expect((await rowOf(first.id)).sentAt).toEqual(at("2026-12-08T10:00:00"));
    expect((await rowOf(second.id)).notBefore).toEqual(at("2026-12-09T08:00:00"));

    const noon = await deliverMessages(h.db, providers, { now: at("2026-12-08T12:00:00"), timeZone: TZ });
    expect(noon.sms.sent).toBe(0);
    expect((await rowOf(third.id)).notBefore).toEqual(at("2026-12-09T08:00:00"));

    // the next morning: one of the two, the other the day after
    const tomorrow = await deliverMessages(h.db, providers, { now: at("2026-12-09T08:00:00"), timeZone: TZ });
    expect(tomorrow.sms).toEqual({ sent: 1, failed: 0, waiting: 1 });
    expect((await rowOf(second.id)).sentAt).toEqual(at("2026-12-09T08:00:00"));
    const dayAfter = await deliverMessages(h.db, providers, { now: at("2026-12-10T08:00:00"), timeZone: TZ });
    expect(dayAfter.sms).toEqual({ sent: 1, failed: 0, waiting: 0 });
    expect(brevo.received.map((r) => r.recipient)).toEqual(["33612345678", "33698765432", "33612345678", "33612345678"]);
  });

  it("retries while the SMS provider is down, with backoff, and sends once it is back: nothing lost, nothing twice", async () => {
    const user = await makeUser(h.db, "beneficiary");
    const row = await queue(user.id, "sms", at("2026-12-08T10:00:00"));
    brevo.answer = 500;
    const first = await deliverMessages(h.db, providers, { now: at("2026-12-08T10:00:00"), timeZone: TZ });
    expect(first.sms).toEqual({ sent: 0, failed: 1, waiting: 1 });
    expect(await rowOf(row.id)).toMatchObject({ attempts: 1, doneAt: null, notBefore: at("2026-12-08T10:05:00"), error: expect.stringMatching(/^Échec 1\/5 : .*HTTP 500/) });

    expect((await deliverMessages(h.db, providers, { now: at("2026-12-08T10:04:59"), timeZone: TZ })).sms.failed).toBe(0);
    await deliverMessages(h.db, providers, { now: at("2026-12-08T10:05:00"), timeZone: TZ });
    expect(await rowOf(row.id)).toMatchObject({ attempts: 2, notBefore: at("2026-12-08T10:15:00") });

    brevo.answer = 201;
    const back = await deliverMessages(h.db, providers, { now: at("2026-12-08T10:15:00"), timeZone: TZ });
    expect(back.sms).toEqual({ sent: 1, failed: 0, waiting: 0 });
    expect(await rowOf(row.id)).toMatchObject({ attempts: 3, error: null, sentAt: at("2026-12-08T10:15:00") });
    expect(brevo.received).toHaveLength(1);
  });

  it("gives up after five attempts, keeping the error; a refused number is done at once", async () => {
    const user = await makeUser(h.db, "beneficiary");
    const down = await queue(user.id, "sms", at("2026-12-08T09:00:00"));
    brevo.answer = 503;
    let now = at("2026-12-08T09:00:00");
    for (let i = 0; i < MAX_MESSAGE_ATTEMPTS; i++) {
      await deliverMessages(h.db, providers, { now, timeZone: TZ });
      now = (await rowOf(down.id)).notBefore;
    }
    expect(await rowOf(down.id)).toMatchObject({ attempts: 5, doneAt: expect.any(Date), sentAt: null, error: expect.stringMatching(/^Échec 5\/5 : .*HTTP 503/) });
    expect((await deliverMessages(h.db, providers, { now: at("2026-12-08T18:00:00"), timeZone: TZ })).sms).toEqual({ sent: 0, failed: 0, waiting: 0 });

    brevo.answer = 400;
    const refused = await queue(user.id, "sms", at("2026-12-08T09:00:00"), { toAddress: "+33612345679" });
    const r = await deliverMessages(h.db, providers, { now: at("2026-12-08T18:00:00"), timeZone: TZ });
    expect(r.sms).toEqual({ sent: 0, failed: 1, waiting: 0 });
    expect(await rowOf(refused.id)).toMatchObject({ attempts: 1, doneAt: at("2026-12-08T18:00:00"), error: expect.stringMatching(/HTTP 400/) });

    const wrong = await queue(user.id, "sms", at("2026-12-08T09:00:00"), { toAddress: "appeler le soir" });
    await deliverMessages(h.db, providers, { now: at("2026-12-08T18:00:00"), timeZone: TZ });
    expect(await rowOf(wrong.id)).toMatchObject({ doneAt: expect.any(Date), error: expect.stringMatching(/numéro de téléphone invalide/) });
    expect(brevo.received).toEqual([]);
  });

  it("never sends a row twice with two deliverers at once, and keeps one SMS a day between them", async () => {
    const people = await Promise.all(Array.from({ length: 12 }, () => makeUser(h.db, "beneficiary")));
    for (const [i, p] of people.entries()) {
      await queue(p.id, "sms", at("2026-12-08T09:00:00"), { toAddress: `+336${String(10000000 + i)}` });
      await queue(p.id, "sms", at("2026-12-08T09:00:00"), { toAddress: `+336${String(10000000 + i)}` }); // a second one the same day
      await device(p.id);
      await queue(p.id, "push", at("2026-12-08T09:00:00"));
    }
    const now = at("2026-12-08T10:00:00");
    const [a, b] = await Promise.all([
      deliverMessages(h.db, providers, { now, timeZone: TZ, batchSize: 5 }),
      deliverMessages(h.db, providers, { now, timeZone: TZ, batchSize: 5 }),
    ]);
    expect(a.sms.sent + b.sms.sent).toBe(12);
    expect(a.push.sent + b.push.sent).toBe(12);
    const recipients = brevo.received.map((r) => r.recipient);
    expect(new Set(recipients).size).toBe(12);
    expect(recipients).toHaveLength(12);
    expect(pushService.received).toHaveLength(12);
    expect(new Set(pushService.received.map((r) => r.subscription)).size).toBe(12);
    const rows = await h.db.select().from(messageOutbox);
    expect(rows.filter((r) => r.sentAt)).toHaveLength(24);
    // the other twelve SMS wait (next morning, or the next run when the other deliverer held the person)
    expect(rows.filter((r) => !r.doneAt)).toHaveLength(12);
    expect(rows.filter((r) => !r.doneAt).every((r) => r.channel === "sms")).toBe(true);
  });

  it("pushes to every device of the person and deletes a subscription the push service says is gone (410)", async () => {
    const user = await makeUser(h.db, "beneficiary");
    const phone = await device(user.id);
    const oldTablet = await device(user.id);
    pushService.answer(oldTablet.id, 410);
    const row = await queue(user.id, "push", at("2026-12-08T09:00:00"));
    const r = await deliverMessages(h.db, providers, { now: at("2026-12-08T10:00:00"), timeZone: TZ });
    expect(r.push).toEqual({ sent: 1, failed: 0, waiting: 0 });
    expect(pushService.received.map((m) => m.subscription)).toEqual([phone.id]);
    expect((await h.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, user.id))).map((s) => s.endpoint)).toEqual([phone.endpoint]);
    expect((await rowOf(row.id)).sentAt).toEqual(at("2026-12-08T10:00:00"));

    // the only device gone: the row is done (failed), the subscription deleted
    pushService.answer(phone.id, 404);
    const lost = await queue(user.id, "push", at("2026-12-08T09:00:00"));
    const r2 = await deliverMessages(h.db, providers, { now: at("2026-12-08T10:00:00"), timeZone: TZ });
    expect(r2.push).toEqual({ sent: 0, failed: 1, waiting: 0 });
    expect(await rowOf(lost.id)).toMatchObject({ sentAt: null, doneAt: expect.any(Date), error: expect.stringMatching(/abonnement supprimé/) });
    expect(await h.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, user.id))).toEqual([]);
  });

  it("retries a push when no device took it and the push service may come back", async () => {
    const user = await makeUser(h.db, "beneficiary");
    const sub = await device(user.id);
    pushService.answer(sub.id, 500);
    const row = await queue(user.id, "push", at("2026-12-08T09:00:00"));
    const r = await deliverMessages(h.db, providers, { now: at("2026-12-08T10:00:00"), timeZone: TZ });
    expect(r.push).toEqual({ sent: 0, failed: 1, waiting: 1 });
    pushService.answer(sub.id, 201);
    const later = await deliverMessages(h.db, providers, { now: at("2026-12-08T10:05:00"), timeZone: TZ });
    expect(later.push).toEqual({ sent: 1, failed: 0, waiting: 0 });
    expect((await rowOf(row.id)).attempts).toBe(2);
    expect(pushService.received).toHaveLength(1);
  });

  it("leaves the rows of a channel without a provider waiting", async () => {
    const user = await makeUser(h.db, "beneficiary");
    await device(user.id);
    await queue(user.id, "sms", at("2026-12-08T09:00:00"));
    await queue(user.id, "push", at("2026-12-08T09:00:00"));
    const r = await deliverMessages(h.db, { sms: null, push: providers.push }, { now: at("2026-12-08T10:00:00"), timeZone: TZ });
    expect(r).toEqual({ sms: { sent: 0, failed: 0, waiting: 1 }, push: { sent: 1, failed: 0, waiting: 0 } });
    const none = await deliverMessages(h.db, { sms: null, push: null }, { now: at("2026-12-08T10:00:00"), timeZone: TZ });
    expect(none.sms.waiting).toBe(1);
    expect(brevo.received).toEqual([]);
  });
});
