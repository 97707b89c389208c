import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../server/db/client";
import { openTestDatabase } from "../server/testing/db";
import { makeUser } from "../server/testing/callers";
import { startSmtpServer } from "../server/testing/smtp";
import { savePreference } from "../server/notifications/preferences";
import { emailOutbox } from "../server/notifications/schema";
import { tell } from "../server/notifications/tell";
import { sendDue } from "../server/jobs/send-due";
import { notificationsPreview, notificationsSendDue, notificationsStatus, nowOption } from "./notifications-command";
import { UsageError } from "./args";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

describe("npm run cli -- notifications", () => {
  it("send-due --now runs what is due at that moment: an adviser's daily digest, then delivery over SMTP; status counts it", async () => {
    const adviser = await makeUser(h.db, "adviser", { firstName: "Inès" });
    await savePreference(h.db, adviser.id, { category: "caseload_activity", channels: ["email"], frequency: "daily" });
    await tell(h.db, [{ userId: adviser.id, category: "caseload_activity", eventKey: "cli:1", title: "Sam a postulé à « Cariste »", body: "Candidature envoyée.", link: "/conseiller/personnes" }], new Date("2027-03-01T15:00:00Z"));

    const logs: string[] = [];
    let out = "";
    await notificationsSendDue(h.db, nowOption({ now: "2027-03-02T08:30:00+01:00" }), { json: true }, (s) => (out += s), (s) => logs.push(s));
    const report = JSON.parse(out) as { now: string; digests: number; delivered: { email: unknown } };
    expect(report.now).toBe("2027-03-02T07:30:00.000Z");
    expect(report.digests).toBe(1);
    expect(report.delivered.email).toBeNull(); // no SMTP_URL in the tests' environment: kept in the outbox
    const [mail] = await h.db.select().from(emailOutbox).where(eq(emailOutbox.userId, adviser.id));
    expect(mail!.body).toContain("Sam a postulé à « Cariste »");

    // the same moment again sends nothing more
    out = "";
    await notificationsSendDue(h.db, nowOption({ now: "2027-03-02T08:30:00+01:00" }), { json: true }, (s) => (out += s), () => {});
    expect((JSON.parse(out) as { digests: number }).digests).toBe(0);

    // with a relay, the run hands it over
    const smtp = await startSmtpServer();
    try {
      const r = await sendDue(h.db, { now: new Date("2027-03-02T07:31:00Z"), env: { SMTP_URL: smtp.url, MAIL_FROM: "ne-pas-repondre@test.example" } as unknown as NodeJS.ProcessEnv });
      expect(r.delivered.email!.sent).toBeGreaterThanOrEqual(1);
      expect(smtp.received.some((m) => m.to.includes(adviser.email!) && m.text.includes("Sam a postulé"))).toBe(true);
    } finally {
      await smtp.close();
    }

    out = "";
    await notificationsStatus(h.db, { json: true }, (s) => (out += s));
    const status = JSON.parse(out) as { byChannel: { email: { sent: number } }; byCategory: Array<{ channel: string; category: string; sent: number }> };
    expect(status.byChannel.email.sent).toBeGreaterThanOrEqual(1);
    expect(status.byCategory.find((r) => r.category === "caseload_activity")!.sent).toBeGreaterThanOrEqual(1);
  });

  it("refuses a --now without its zone and an unknown --kind, with the expected forms", () => {
    expect(() => nowOption({ now: "2027-03-02 08:30" })).toThrow(UsageError);
    expect(() => nowOption({ now: "2027-03-02T08:30:00" })).toThrow(/fuseau/);
    let out = "";
    expect(() => notificationsPreview({ kind: "spam" }, (s) => (out += s))).toThrow(/contact_request/);
    notificationsPreview({ kind: "job_alert" }, (s) => (out += s));
    expect(out).toMatch(/^Objet : \[.*\] Nouvelles offres près de chez vous/);
    expect(out).toContain("Ne plus recevoir ces e-mails");
  });
});
