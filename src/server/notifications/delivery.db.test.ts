import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { openTestDatabase } from "../testing/db";
import { deliverOutbox, failureText, MailConfigError, parseFailure, senderFromEnv, type MailTransport } from "./delivery";
import { emailOutbox } from "./schema";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await h.db.delete(emailOutbox);
});

type Sent = { from: string; to: string; subject: string; text: string };

/** A nodemailer-like transport that records what it sends and fails for some addresses. */
function fakeTransport(failFor: (to: string) => boolean = () => false) {
  const sent: Sent[] = [];
  const transport: MailTransport = {
    async sendMail(m) {
      await new Promise((r) => setTimeout(r, 1));
      if (failFor(m.to)) throw new Error(`Connexion refusée pour ${m.to}`);
      sent.push(m);
      return { messageId: `<${sent.length}@test>` };
    },
  };
  return { sent, transport };
}

async function queue(...to: string[]) {
  return h.db
    .insert(emailOutbox)
    .values(to.map((t, i) => ({ toAddress: t, subject: `Sujet ${i}`, body: `Corps ${i}` })))
    .returning({ id: emailOutbox.id });
}

const t0 = new Date("2027-03-01T08:00:00.000Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

describe("outbox delivery", () => {
  it("sends each unsent e-mail once, with the configured sender, and marks it sent", async () => {
    await queue("a@test.example", "b@test.example", "c@test.example");
    const fake = fakeTransport();
    expect(await deliverOutbox(h.db, { transport: fake.transport, from: "Plateforme <noreply@test.example>" }, { batchSize: 2, now: t0 })).toEqual({ sent: 3, failed: 0 });
    expect(fake.sent.map((m) => m.to).sort()).toEqual(["a@test.example", "b@test.example", "c@test.example"]);
    expect(fake.sent.find((m) => m.to === "a@test.example")).toEqual({ to: "a@test.example", from: "Plateforme <noreply@test.example>", subject: "Sujet 0", text: "Corps 0" });
    const rows = await h.db.select().from(emailOutbox);
    expect(rows.every((r) => r.sentAt !== null && r.error === null)).toBe(true);
    // a second run has nothing to do
    expect(await deliverOutbox(h.db, { transport: fake.transport, from: "x@test.example" }, { now: t0 })).toEqual({ sent: 0, failed: 0 });
    expect(fake.sent).toHaveLength(3);
  });

  it("two senders at once never send the same e-mail twice", async () => {
    await queue(...Array.from({ length: 12 }, (_, i) => `p${i}@test.example`));
    const fake = fakeTransport();
    const sender = { transport: fake.transport, from: "x@test.example" };
    const results = await Promise.all([
      deliverOutbox(h.db, sender, { batchSize: 3, now: t0 }),
      deliverOutbox(h.db, sender, { batchSize: 3, now: t0 }),
      deliverOutbox(h.db, sender, { batchSize: 5, now: t0 }),
    ]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(12);
    expect(fake.sent).toHaveLength(12);
    expect(new Set(fake.sent.map((m) => m.to)).size).toBe(12);
  });

  it("records a failure, retries after the delay, and gives up after three attempts", async () => {
    const [bad] = await queue("down@test.example", "ok@test.example");
    const fake = fakeTransport((to) => to === "down@test.example");
    const sender = { transport: fake.transport, from: "x@test.example" };
    const errorOf = async () => (await h.db.select().from(emailOutbox).where(eq(emailOutbox.id, bad!.id)))[0]!;

    expect(await deliverOutbox(h.db, sender, { now: t0, retryAfterMinutes: 15 })).toEqual({ sent: 1, failed: 1 });
    let row = await errorOf();
    expect(row.sentAt).toBeNull();
    expect(row.error).toBe("Échec 1/3 (2027-03-01T08:00:00.000Z) : Connexion refusée pour down@test.example");

    // too early: not retried; concurrent runs do not retry it either
    expect(await Promise.all([deliverOutbox(h.db, sender, { now: minutes(10) }), deliverOutbox(h.db, sender, { now: minutes(10) })])).toEqual([
      { sent: 0, failed: 0 },
      { sent: 0, failed: 0 },
    ]);

    // after the delay: second attempt (once, even with two runners), then the third
    const second = await Promise.all([deliverOutbox(h.db, sender, { now: minutes(16) }), deliverOutbox(h.db, sender, { now: minutes(16) })]);
    expect(second.reduce((n, r) => n + r.failed, 0)).toBe(1);
    expect((await errorOf()).error).toMatch(/^Échec 2\/3 \(2027-03-01T08:16:00.000Z\)/);
    expect(await deliverOutbox(h.db, sender, { now: minutes(40) })).toEqual({ sent: 0, failed: 1 });
    expect((await errorOf()).error).toMatch(/^Échec 3\/3 /);

    // given up: never tried again
    expect(await deliverOutbox(h.db, sender, { now: minutes(600) })).toEqual({ sent: 0, failed: 0 });
    row = await errorOf();
    expect(row.sentAt).toBeNull();
    expect(fake.sent.map((m) => m.to)).toEqual(["ok@test.example"]);
  });

  it("a failed e-mail that goes through on retry is marked sent and its error cleared", async () => {
    const ids = (await queue("flaky@test.example")).map((r) => r.id);
    let down = true;
    const fake = fakeTransport(() => down);
    const sender = { transport: fake.transport, from: "x@test.example" };
    await deliverOutbox(h.db, sender, { now: t0 });
    down = false;
    expect(await deliverOutbox(h.db, sender, { now: minutes(20) })).toEqual({ sent: 1, failed: 0 });
    const [row] = await h.db.select().from(emailOutbox).where(inArray(emailOutbox.id, ids));
    expect(row!.sentAt).not.toBeNull();
    expect(row!.error).toBeNull();
  });

  it("an error written by someone else is never retried", async () => {
    const [r] = await queue("manual@test.example");
    await h.db.update(emailOutbox).set({ error: "adresse refusée par le relais" }).where(eq(emailOutbox.id, r!.id));
    const fake = fakeTransport();
    expect(await deliverOutbox(h.db, { transport: fake.transport, from: "x@test.example" }, { now: minutes(600) })).toEqual({ sent: 0, failed: 0 });
  });
});

describe("failure text and configuration", () => {
  it("round-trips the attempt count and time", () => {
    const text = failureText(2, t0, new Error("boom\n  at line"));
    expect(text).toBe("Échec 2/3 (2027-03-01T08:00:00.000Z) : boom at line");
    expect(parseFailure(text)).toEqual({ attempts: 2, at: t0 });
    expect(parseFailure("autre chose")).toBeNull();
    expect(parseFailure(null)).toBeNull();
  });

  it("no SMTP_URL: no sender (e-mails stay in the outbox); SMTP_URL needs MAIL_FROM", async () => {
    expect(await senderFromEnv({} as NodeJS.ProcessEnv)).toBeNull();
    await expect(senderFromEnv({ SMTP_URL: "smtp://u:p@localhost:2525" } as unknown as NodeJS.ProcessEnv)).rejects.toBeInstanceOf(MailConfigError);
    await expect(senderFromEnv({ SMTP_URL: "http://x", MAIL_FROM: "a@b.fr" } as unknown as NodeJS.ProcessEnv)).rejects.toBeInstanceOf(MailConfigError);
    const s = await senderFromEnv({ SMTP_URL: "smtp://u:p@localhost:2525", MAIL_FROM: "Emploi 41 <noreply@example.fr>" } as unknown as NodeJS.ProcessEnv);
    expect(s?.from).toBe("Emploi 41 <noreply@example.fr>");
    expect(typeof s?.transport.sendMail).toBe("function");
  });
});

describe("npm run cli -- followups deliver", () => {
  it("says e-mails stay in the outbox without SMTP, sends them with it, refuses a half configuration", async () => {
    const { deliverySender, followupsDeliver } = await import("../../cli/followups-command");
    const { UsageError } = await import("../../cli/args");
    await queue("cli@test.example");
    const logs: string[] = [];
    await followupsDeliver(h.db, null, (s) => logs.push(s));
    expect(logs.at(-1)).toMatch(/SMTP_URL n'est pas défini/);
    const fake = fakeTransport();
    await followupsDeliver(h.db, { transport: fake.transport, from: "x@test.example" }, (s) => logs.push(s));
    expect(logs.at(-1)).toMatch(/^E-mails : 1 envoyé\(s\), 0 en échec/);
    expect(fake.sent.map((m) => m.to)).toEqual(["cli@test.example"]);
    await expect(deliverySender({ SMTP_URL: "smtp://h:25" } as unknown as NodeJS.ProcessEnv)).rejects.toBeInstanceOf(UsageError);
    expect(await deliverySender({} as NodeJS.ProcessEnv)).toBeNull();
  });
});
