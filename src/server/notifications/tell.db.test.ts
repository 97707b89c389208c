import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { openTestDatabase } from "../testing/db";
import { makeUser } from "../testing/callers";
import { makeProfile } from "../testing/factories";
import { startSmtpServer } from "../testing/smtp";
import { deliverOutbox, senderFromEnv } from "./delivery";
import { digestMoments, sendDigests } from "./digests";
import { readUnsubscribeToken, unsubscribeToken } from "./email";
import { preferencesFor, savePreference, stopEmails } from "./preferences";
import { digestItems, emailOutbox, failingAddresses, messageOutbox, notifications, pushSubscriptions } from "./schema";
import { afterQuietHours, tell, type Tidings } from "./tell";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const BLOIS = "41018";
// 10:00 in Paris on a Tuesday in winter
const morning = new Date("2027-01-12T09:00:00.000Z");

async function beneficiary(phone: string | null = "+33612345678", extra: { adviserId?: string } = {}) {
  const user = await makeUser(h.db, "beneficiary", { firstName: "Awa" });
  const profile = await makeProfile(h.db, BLOIS, { userId: user.id, phone, firstName: "Awa", lastName: "Diallo", ...extra });
  return { user, profileId: profile.id };
}

const contact = (userId: string, n: string): Tidings => ({
  userId,
  category: "contact_request",
  eventKey: `contact:${n}`,
  title: "Un employeur veut vous rencontrer",
  body: "La Boulangerie des Remparts aimerait vous parler de son offre.",
  link: "/beneficiaire/propositions",
  sms: "Awa, un employeur veut vous rencontrer : /beneficiaire/propositions",
});

describe("tell: one event, every channel the person chose, once", () => {
  it("a contact request reaches a beneficiary in the app, by e-mail, SMS and push; the same event again changes nothing", async () => {
    const { user } = await beneficiary();
    await h.db.insert(pushSubscriptions).values({ userId: user.id, endpoint: `https://push.test/${user.id}`, p256dh: "k", auth: "a" });
    expect(await tell(h.db, [contact(user.id, "1")], morning)).toBe(1);
    expect(await tell(h.db, [contact(user.id, "1")], morning)).toBe(0);

    expect(await h.db.select().from(notifications).where(eq(notifications.userId, user.id))).toHaveLength(1);
    const mails = await h.db.select().from(emailOutbox).where(eq(emailOutbox.userId, user.id));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toAddress: user.email, category: "contact_request", eventKey: "contact:1" });
    expect(mails[0]!.subject).toContain("Un employeur veut vous rencontrer");
    expect(mails[0]!.body).toContain("Bonjour Awa,");
    expect(mails[0]!.html).toContain("<!doctype html>");
    const messages = await h.db.select().from(messageOutbox).where(eq(messageOutbox.userId, user.id));
    expect(messages.map((m) => m.channel).sort()).toEqual(["push", "sms"]);
    const sms = messages.find((m) => m.channel === "sms")!;
    expect(sms.toAddress).toBe("+33612345678");
    expect(sms.body).toBe("Awa, un employeur veut vous rencontrer : /beneficiaire/propositions");
    expect(sms.notBefore.getTime()).toBe(morning.getTime());
  });

  it("no phone: no SMS; no device: no push; a disabled account: nothing at all", async () => {
    const { user } = await beneficiary(null);
    await tell(h.db, [contact(user.id, "2")], morning);
    expect(await h.db.select().from(messageOutbox).where(eq(messageOutbox.userId, user.id))).toHaveLength(0);
    expect(await h.db.select().from(emailOutbox).where(eq(emailOutbox.userId, user.id))).toHaveLength(1);

    const gone = await makeUser(h.db, "beneficiary", { status: "disabled" });
    expect(await tell(h.db, [contact(gone.id, "3")], morning)).toBe(0);
    expect(await h.db.select().from(notifications).where(eq(notifications.userId, gone.id))).toHaveLength(0);
  });

  it("quiet hours: an SMS at 21:30 or 06:00 in Paris waits for 08:00", async () => {
    expect(afterQuietHours(new Date("2027-01-12T20:30:00Z"), "Europe/Paris").toISOString()).toBe("2027-01-13T07:00:00.000Z");
    expect(afterQuietHours(new Date("2027-01-12T05:00:00Z"), "Europe/Paris").toISOString()).toBe("2027-01-12T07:00:00.000Z");
    expect(afterQuietHours(new Date("2027-07-12T17:59:00Z"), "Europe/Paris").toISOString()).toBe("2027-07-12T17:59:00.000Z");
    const { user } = await beneficiary();
    await tell(h.db, [contact(user.id, "4")], new Date("2027-01-12T20:30:00Z"));
    const [sms] = await h.db.select().from(messageOutbox).where(and(eq(messageOutbox.userId, user.id), eq(messageOutbox.channel, "sms")));
    expect(sms!.notBefore.toISOString()).toBe("2027-01-13T07:00:00.000Z");
  });

  it("frequency never: only the app; a failing address: no e-mail queued", async () => {
    const { user } = await beneficiary();
    await savePreference(h.db, user.id, { category: "contact_request", channels: ["email", "sms"], frequency: "never" });
    await tell(h.db, [contact(user.id, "5")], morning);
    expect(await h.db.select().from(notifications).where(eq(notifications.userId, user.id))).toHaveLength(1);
    expect(await h.db.select().from(emailOutbox).where(eq(emailOutbox.userId, user.id))).toHaveLength(0);
    expect(await h.db.select().from(messageOutbox).where(eq(messageOutbox.userId, user.id))).toHaveLength(0);

    const other = await beneficiary(null);
    await h.db.insert(failingAddresses).values({ address: other.user.email!.toLowerCase(), error: "550" });
    await tell(h.db, [contact(other.user.id, "6")], morning);
    expect(await h.db.select().from(emailOutbox).where(eq(emailOutbox.userId, other.user.id))).toHaveLength(0);
  });

  it("the account category cannot lose its e-mail; a category cannot use a channel it does not allow", async () => {
    const { user } = await beneficiary();
    const saved = await savePreference(h.db, user.id, { category: "account", channels: [], frequency: "never" });
    expect(saved).toEqual({ category: "account", channels: ["email"], frequency: "immediately" });
    const alerts = await savePreference(h.db, user.id, { category: "job_alert", channels: ["email", "sms"], frequency: "daily" });
    expect(alerts.channels).toEqual(["email"]);
  });
});

describe("digests", () => {
  it("an employer's daily digest: nothing before 08:00, one e-mail with every item after, none again that day", async () => {
    const employer = await makeUser(h.db, "employer", { firstName: "Marc" });
    await savePreference(h.db, employer.id, { category: "new_application", channels: ["email"], frequency: "daily" });
    const item = (n: number): Tidings => ({
      userId: employer.id,
      category: "new_application",
      eventKey: `application:${n}`,
      title: `Nouvelle candidature ${n} pour « Vendeur »`,
      body: "Une personne a postulé.",
      link: "/employeur/offres",
    });
    const evening = new Date("2027-01-12T18:00:00Z");
    await tell(h.db, [item(1), item(2)], evening);
    expect(await h.db.select().from(emailOutbox).where(eq(emailOutbox.userId, employer.id))).toHaveLength(0);
    expect(await h.db.select().from(digestItems).where(eq(digestItems.userId, employer.id))).toHaveLength(2);

    // 06:00 in Paris the next day: the day's moment is still yesterday's 08:00, passed before the items came
    const early = new Date("2027-01-13T05:00:00Z");
    expect(digestMoments(early, "Europe/Paris").daily.toISOString()).toBe("2027-01-12T07:00:00.000Z");
    await sendDigests(h.db, { now: early });
    // no digest was ever sent: the first one goes at once
    let mails = await h.db.select().from(emailOutbox).where(eq(emailOutbox.userId, employer.id));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body).toContain("Nouvelle candidature 1");
    expect(mails[0]!.body).toContain("Nouvelle candidature 2");

    // a third item at 07:00 in Paris waits for that day's 08:00
    await tell(h.db, [item(3)], new Date("2027-01-13T06:00:00Z"));
    await sendDigests(h.db, { now: new Date("2027-01-13T06:30:00Z") });
    expect(await h.db.select().from(emailOutbox).where(eq(emailOutbox.userId, employer.id))).toHaveLength(1);
    await sendDigests(h.db, { now: new Date("2027-01-13T07:30:00Z") });
    mails = await h.db.select().from(emailOutbox).where(eq(emailOutbox.userId, employer.id));
    expect(mails).toHaveLength(2);
    expect(mails.find((m) => m.body.includes("Nouvelle candidature 3"))).toBeTruthy();
    // once a day: nothing more that day, even with a new item
    await tell(h.db, [item(4)], new Date("2027-01-13T08:00:00Z"));
    await sendDigests(h.db, { now: new Date("2027-01-13T15:00:00Z") });
    expect(await h.db.select().from(emailOutbox).where(eq(emailOutbox.userId, employer.id))).toHaveLength(2);
  });
});

describe("delivery to a real SMTP server", () => {
  it("sends the HTML and the text with RFC 8058 one-click unsubscribe headers; the link's token stops that category only", async () => {
    const smtp = await startSmtpServer();
    try {
      const { user } = await beneficiary(null);
      await tell(h.db, [contact(user.id, "smtp-1")], morning);
      const sender = (await senderFromEnv({ SMTP_URL: smtp.url, MAIL_FROM: "Emploi 41 <ne-pas-repondre@test.example>" } as unknown as NodeJS.ProcessEnv))!;
      const result = await deliverOutbox(h.db, sender, { now: morning });
      expect(result.failed).toBe(0);
      const mail = smtp.received.find((m) => m.to.includes(user.email!))!;
      expect(mail.subject).toContain("Un employeur veut vous rencontrer");
      expect(mail.text).toContain("La Boulangerie des Remparts aimerait vous parler de son offre.");
      expect(mail.html).toContain("La Boulangerie des Remparts aimerait vous parler de son offre.");
      expect(mail.header("List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
      const header = mail.header("List-Unsubscribe")!;
      expect(header).toMatch(/^<.*\/api\/desabonnement\?jeton=[^>]+>$/);
      const token = decodeURIComponent(/jeton=([^>]+)/.exec(header)![1]!);
      expect(readUnsubscribeToken(token)).toEqual({ userId: user.id, category: "contact_request" });

      // forged: another person's id, another category, a changed letter — nothing is read
      const [payload, signature] = token.split(".");
      const otherPayload = Buffer.from(`${"0".repeat(8)}-0000-4000-8000-000000000000.contact_request`).toString("base64url");
      expect(readUnsubscribeToken(`${otherPayload}.${signature}`)).toBeNull();
      expect(readUnsubscribeToken(`${payload}.${signature!.slice(0, -2)}AA`)).toBeNull();
      expect(readUnsubscribeToken(unsubscribeToken(user.id, "proposal").replace(/^[^.]+/, payload!))).toBeNull();

      await stopEmails(h.db, user.id, "contact_request");
      const prefs = await preferencesFor(h.db, [user.id], "contact_request");
      expect(prefs.get(user.id)!.channels).toEqual(["push"]);
      expect((await preferencesFor(h.db, [user.id], "proposal")).get(user.id)!.channels).toContain("email");
    } finally {
      await smtp.close();
    }
  });

  it("a 550 refusal is not retried: the address is marked failing and the person's adviser is told", async () => {
    const smtp = await startSmtpServer({ refuse: (to) => (to.startsWith("beneficiary.") ? { code: 550, message: "Mailbox unavailable" } : null) });
    try {
      const adviser = await makeUser(h.db, "adviser");
      const { user } = await beneficiary(null, { adviserId: adviser.id });
      await tell(h.db, [contact(user.id, "smtp-2")], morning);
      const sender = (await senderFromEnv({ SMTP_URL: smtp.url, MAIL_FROM: "ne-pas-repondre@test.example" } as unknown as NodeJS.ProcessEnv))!;
      await deliverOutbox(h.db, sender, { now: morning });
      const [row] = await h.db.select().from(emailOutbox).where(eq(emailOutbox.userId, user.id));
      expect(row!.sentAt).toBeNull();
      expect(row!.error).toMatch(/^Refusé par le serveur de messagerie/);
      const [failing] = await h.db.select().from(failingAddresses).where(eq(failingAddresses.address, user.email!.toLowerCase()));
      expect(failing).toBeTruthy();
      const told = await h.db.select().from(notifications).where(eq(notifications.userId, adviser.id));
      expect(told.map((n) => n.title)).toEqual(["Les e-mails n'arrivent plus à Awa Diallo"]);
      // the adviser's own e-mail about it goes through; the refused one is never tried again
      await deliverOutbox(h.db, sender, { now: new Date(morning.getTime() + 3_600_000), retryAfterMinutes: 0 });
      expect(smtp.received.filter((m) => m.to.includes(user.email!))).toHaveLength(0);
      expect(smtp.received.filter((m) => m.to.includes(adviser.email!))).toHaveLength(1);
      // nothing more is queued to the failing address
      await tell(h.db, [contact(user.id, "smtp-3")], morning);
      expect(await h.db.select().from(emailOutbox).where(eq(emailOutbox.userId, user.id))).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });
});
