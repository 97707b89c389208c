// Telling people something happened, in the caller's transaction: the in-app notification
// always, and the channels the person chose for the category (e-mail now or in a daily/weekly
// digest, SMS, web push). Each event has a key: the same event never tells the same person twice
// on any channel, however many processes or retries run it.
//
// SMS and push wait through quiet hours (20:00–08:00 in the instance's time zone); SMS only go
// to a phone number the person gave, e-mails never to an address the relay refused for good.

import { sql } from "drizzle-orm";
import { queryRows, uuidList, type Database } from "../db/client";
import { instanceTimeZone } from "../config/time-zone";
import { addDays, hourIn, instantAt, todayIn } from "../../lib/dates";
import type { Category } from "./categories";
import { renderEmail } from "./email";
import { preferencesFor } from "./preferences";
import { digestItems, emailOutbox, messageOutbox, notifications } from "./schema";
import { messagesQueued } from "./wake";

export type Tidings = {
  userId: string;
  category: Category;
  /** what happened, once: "application-declined:<id>" */
  eventKey: string;
  /** one short line ("Un employeur veut vous rencontrer") */
  title: string;
  /** one or two plain sentences */
  body: string;
  /** the page in the app that shows it ("/beneficiaire/candidatures") */
  link: string | null;
  aboutProfileId?: string | null;
  /** the SMS text (short, no personal data beyond the first name); the title otherwise */
  sms?: string;
  /** the in-app notification's kind, when the app gives it its own icon or filter */
  kind?: string;
};

export const QUIET_FROM_HOUR = 20;
export const QUIET_UNTIL_HOUR = 8;

/** When an SMS or a push may leave: now, or 08:00 when `now` falls in the quiet hours. */
export function afterQuietHours(now: Date, timeZone = instanceTimeZone()): Date {
  const hour = hourIn(timeZone, now);
  if (hour >= QUIET_UNTIL_HOUR && hour < QUIET_FROM_HOUR) return now;
  const today = todayIn(timeZone, now);
  return instantAt(hour >= QUIET_FROM_HOUR ? addDays(today, 1) : today, QUIET_UNTIL_HOUR, timeZone);
}

export type Recipient = { id: string; email: string | null; first_name: string; phone: string | null; failing: boolean; devices: number; active: boolean };

/** The accounts told, with how to reach them (a read-only look: notifications sit below accounts and profiles). */
export async function recipients(db: Database, userIds: string[]): Promise<Map<string, Recipient>> {
  const rows = await queryRows<Recipient>(
    db,
    sql`select u.id, u.email, u.first_name, p.phone, (f.address is not null) as failing, u.status = 'active' as active,
        (select count(*)::int from push_subscriptions s where s.user_id = u.id) as devices
      from users u
      left join beneficiary_profiles p on p.user_id = u.id
      left join failing_addresses f on f.address = lower(u.email)
      where u.id in (${uuidList(userIds)})`,
  );
  return new Map(rows.map((r) => [String(r.id), { ...r, id: String(r.id), devices: Number(r.devices) }]));
}

/** Tells each person; returns how many were new (an event already told is skipped everywhere). */
export async function tell(db: Database, items: Tidings[], now: Date = new Date()): Promise<number> {
  if (!items.length) return 0;
  const byCategory = new Map<Category, Tidings[]>();
  for (const t of items) byCategory.set(t.category, [...(byCategory.get(t.category) ?? []), t]);
  const people = await recipients(db, [...new Set(items.map((t) => t.userId))]);
  const releaseAt = afterQuietHours(now);
  let told = 0;
  for (const [category, list] of byCategory) {
    const prefs = await preferencesFor(db, [...new Set(list.map((t) => t.userId))], category);
    for (const t of list) {
      const person = people.get(t.userId);
      if (!person || !person.active) continue;
      const inserted = await db
        .insert(notifications)
        .values({ userId: t.userId, kind: t.kind ?? category, title: t.title, body: t.body, link: t.link, aboutProfileId: t.aboutProfileId ?? null, eventKey: t.eventKey, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: notifications.id });
      if (!inserted.length) continue; // told already
      told += 1;
      const pref = prefs.get(t.userId)!;
      if (pref.frequency === "never") continue;
      const about = t.aboutProfileId ?? null;
      if (pref.channels.includes("email") && person.email && !person.failing) {
        if (pref.frequency === "immediately") {
          const mail = renderEmail({ firstName: person.first_name || null, subject: t.title, intro: t.body, items: [{ title: t.title, link: t.link }], userId: t.userId, category });
          await db
            .insert(emailOutbox)
            .values({ toAddress: person.email, subject: mail.subject, body: mail.body, html: mail.html, userId: t.userId, category, eventKey: t.eventKey, aboutProfileId: about })
            .onConflictDoNothing();
        } else {
          await db
            .insert(digestItems)
            .values({ userId: t.userId, category, eventKey: t.eventKey, title: t.title, body: t.body, link: t.link, aboutProfileId: about, createdAt: now })
            .onConflictDoNothing();
        }
      }
      // SMS and push are for what cannot wait: only when the person wants it at once
      if (pref.frequency !== "immediately") continue;
      const outgoing: (typeof messageOutbox.$inferInsert)[] = [];
      if (pref.channels.includes("sms") && person.phone) {
        outgoing.push({ userId: t.userId, channel: "sms", category, eventKey: t.eventKey, toAddress: person.phone, title: t.title, body: t.sms ?? t.title, link: t.link, aboutProfileId: about, notBefore: releaseAt });
      }
      if (pref.channels.includes("push") && person.devices > 0) {
        outgoing.push({ userId: t.userId, channel: "push", category, eventKey: t.eventKey, title: t.title, body: t.body, link: t.link, aboutProfileId: about, notBefore: releaseAt });
      }
      if (outgoing.length) await db.insert(messageOutbox).values(outgoing).onConflictDoNothing();
    }
  }
  if (told) messagesQueued();
  return told;
}
