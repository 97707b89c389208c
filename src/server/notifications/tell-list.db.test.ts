import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type DatabaseHandle } from "../db/client";
import { openTestDatabase } from "../testing/db";
import { makeUser } from "../testing/callers";
import { savePreference } from "./preferences";
import { failingAddresses, pushSubscriptions } from "./schema";
import { listBody, tellList, type TidingsList } from "./tell-list";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const list = (userId: string, eventKey: string): TidingsList => ({
  userId,
  category: "job_alert",
  eventKey,
  title: "2 nouvelles offres près de chez vous",
  intro: "Elles correspondent à votre CV.",
  items: [
    { title: "Cariste", body: "Blois · à 3 km de chez vous", link: "/alerte/aaaaaaaaaaaaaaaaaaaaaaaa" },
    { title: "Magasinier", body: "Vineuil · à 6 km de chez vous", link: "/alerte/bbbbbbbbbbbbbbbbbbbbbbbb" },
  ],
  link: "/beneficiaire/offres",
});

const rowsOf = async (userId: string) => ({
  notifications: await queryRows<{ title: string; body: string; link: string; kind: string }>(h.db, sql`select title, body, link, kind from notifications where user_id = ${userId}::uuid`),
  mails: await queryRows<{ subject: string; body: string; html: string }>(h.db, sql`select subject, body, html from email_outbox where user_id = ${userId}::uuid`),
  messages: await queryRows<{ channel: string; title: string; body: string; link: string; not_before: Date }>(
    h.db,
    sql`select channel, title, body, link, not_before from message_outbox where user_id = ${userId}::uuid order by channel`,
  ),
  digests: await queryRows(h.db, sql`select 1 from digest_items where user_id = ${userId}::uuid`),
});

describe("telling a list in one message", () => {
  it("writes one notification and one e-mail with every item and its link, once per event", async () => {
    const u = await makeUser(h.db, "beneficiary", { firstName: "Awa" });
    const told = await tellList(h.db, list(u.id, "job-alert:1"));
    expect(told).toHaveLength(1);
    expect(await tellList(h.db, list(u.id, "job-alert:1"))).toEqual([]); // the same event again: nothing
    const r = await rowsOf(u.id);
    expect(r.notifications).toEqual([{ title: "2 nouvelles offres près de chez vous", body: "Cariste · Magasinier", link: "/beneficiaire/offres", kind: "job_alert" }]);
    expect(r.mails).toHaveLength(1);
    expect(r.mails[0]!.subject).toContain("2 nouvelles offres près de chez vous");
    expect(r.mails[0]!.body).toContain("Bonjour Awa,");
    expect(r.mails[0]!.body).toMatch(/• Cariste\n {2}Blois · à 3 km de chez vous\n {2}\S*\/alerte\/a{24}/);
    expect(r.mails[0]!.html).toContain("/alerte/bbbbbbbbbbbbbbbbbbbbbbbb");
    // weekly is the default, yet the list is the grouping: no digest
    expect(r.digests).toEqual([]);
    expect(r.messages).toEqual([]); // e-mail only by default
  });

  it("adds a push summary after the quiet hours when the person turned push on", async () => {
    const u = await makeUser(h.db, "beneficiary");
    await savePreference(h.db, u.id, { category: "job_alert", channels: ["email", "push"], frequency: "daily" });
    await h.db.insert(pushSubscriptions).values({ userId: u.id, endpoint: `https://push.example/${u.id}`, p256dh: "k", auth: "a" });
    const night = new Date("2027-03-10T22:30:00Z"); // 23:30 in Paris
    await tellList(h.db, [list(u.id, "job-alert:night")], night);
    const r = await rowsOf(u.id);
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatchObject({ channel: "push", title: "2 nouvelles offres près de chez vous", body: "Cariste · Magasinier", link: "/beneficiaire/offres" });
    expect(new Date(r.messages[0]!.not_before).toISOString()).toBe("2027-03-11T07:00:00.000Z");
  });

  it("keeps it in the app only for never, an address that fails, and tells no disabled account", async () => {
    const never = await makeUser(h.db, "beneficiary");
    await savePreference(h.db, never.id, { category: "job_alert", channels: ["email"], frequency: "never" });
    const failing = await makeUser(h.db, "beneficiary");
    await h.db.insert(failingAddresses).values({ address: failing.email!.toLowerCase(), error: "550 boîte inconnue" });
    const disabled = await makeUser(h.db, "beneficiary", { status: "disabled" });
    const told = await tellList(h.db, [list(never.id, "e"), list(failing.id, "e"), list(disabled.id, "e")]);
    expect(told.map((l) => l.userId).sort()).toEqual([never.id, failing.id].sort());
    for (const u of [never, failing]) {
      const r = await rowsOf(u.id);
      expect(r.notifications).toHaveLength(1);
      expect(r.mails).toEqual([]);
    }
    expect(await rowsOf(disabled.id)).toEqual({ notifications: [], mails: [], messages: [], digests: [] });
  });

  it("shortens the in-app text of a long list", () => {
    const items = ["A", "B", "C", "D", "E"].map((title) => ({ title }));
    expect(listBody({ items, intro: "x" })).toBe("A · B · C (et 2 autres)");
    expect(listBody({ items: items.slice(0, 4), intro: "x" })).toBe("A · B · C (et 1 autre)");
    expect(listBody({ items: [], intro: "rien" })).toBe("rien");
  });
});
