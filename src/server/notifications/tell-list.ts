// Telling people about several things at once, in one message each (a job alert's new offers):
// the in-app notification always, then one e-mail listing every item with its own link, a push
// summary and an SMS when the person chose those channels. The same rules as tell() (tell.ts):
// one message per (person, event key) on every channel however often it runs, nothing for an
// account that is not active, no e-mail to an address the relay refused for good, SMS only to a
// phone the person gave, SMS and push held through the quiet hours.
//
// One difference, on purpose: the list is already the grouping, so a daily or weekly frequency
// does not send it to the digest; the caller decides when a list is due (alerts/prepare.ts from
// the person's frequency), and "never" keeps it in the app only.
//
// Several lists go in one call and are written with a few multi-row statements, so that the
// alerts of thousands of people fit in a transaction per batch.

import type { Database } from "../db/client";
import type { Category } from "./categories";
import { renderEmail, type EmailItem } from "./email";
import { preferencesFor } from "./preferences";
import { emailOutbox, messageOutbox, notifications } from "./schema";
import { afterQuietHours, recipients } from "./tell";

export type TidingsList = {
  userId: string;
  category: Category;
  /** what happened, once: "job-alert:<run>" */
  eventKey: string;
  /** one short line ("3 nouvelles offres près de chez vous") */
  title: string;
  /** one plain sentence before the items */
  intro: string;
  /** each with its own link */
  items: EmailItem[];
  /** the page of the in-app notification (and of the push) */
  link: string | null;
  /** the in-app notification's text; the items' titles otherwise */
  body?: string;
  /** the SMS text (short, no personal data beyond the first name); the title otherwise */
  sms?: string;
  kind?: string;
};

/** Rows per INSERT: a statement's parameters stay far below the protocol's limit of 65,535. */
const CHUNK = 500;

/** The in-app text of a list: its items' titles, shortened. */
export function listBody(list: Pick<TidingsList, "items" | "intro">, max = 3): string {
  const titles = list.items.slice(0, max).map((i) => i.title);
  const more = list.items.length - titles.length;
  return titles.length ? `${titles.join(" · ")}${more > 0 ? ` (et ${more} autre${more > 1 ? "s" : ""})` : ""}` : list.intro;
}

/** Tells each list to its person; returns the lists that were new (an event already told is skipped everywhere). */
export async function tellList(db: Database, input: TidingsList | TidingsList[], now: Date = new Date()): Promise<TidingsList[]> {
  const lists = Array.isArray(input) ? input : [input];
  if (!lists.length) return [];
  const people = await recipients(db, [...new Set(lists.map((l) => l.userId))]);
  const live = lists.filter((l) => people.get(l.userId)?.active);
  if (!live.length) return [];

  const inserted: { userId: string; eventKey: string | null }[] = [];
  for (let i = 0; i < live.length; i += CHUNK) {
    const rows = await db
      .insert(notifications)
      .values(live.slice(i, i + CHUNK).map((l) => ({ userId: l.userId, kind: l.kind ?? l.category, title: l.title, body: l.body ?? listBody(l), link: l.link, eventKey: l.eventKey, createdAt: now })))
      .onConflictDoNothing()
      .returning({ userId: notifications.userId, eventKey: notifications.eventKey });
    inserted.push(...rows);
  }
  const fresh = new Set(inserted.map((r) => `${r.userId} ${r.eventKey}`));
  const told = live.filter((l) => fresh.has(`${l.userId} ${l.eventKey}`));
  if (!told.length) return [];

  const releaseAt = afterQuietHours(now);
  const mails: (typeof emailOutbox.$inferInsert)[] = [];
  const outgoing: (typeof messageOutbox.$inferInsert)[] = [];
  const categories = [...new Set(told.map((l) => l.category))];
  for (const category of categories) {
    const ofCategory = told.filter((l) => l.category === category);
    const prefs = await preferencesFor(db, [...new Set(ofCategory.map((l) => l.userId))], category);
    for (const l of ofCategory) {
      const person = people.get(l.userId)!;
      const pref = prefs.get(l.userId)!;
      if (pref.frequency === "never") continue;
      if (pref.channels.includes("email") && person.email && !person.failing) {
        const mail = renderEmail({ firstName: person.first_name || null, subject: l.title, intro: l.intro, items: l.items, userId: l.userId, category });
        mails.push({ toAddress: person.email, subject: mail.subject, body: mail.body, html: mail.html, userId: l.userId, category, eventKey: l.eventKey });
      }
      if (pref.channels.includes("sms") && person.phone) {
        outgoing.push({ userId: l.userId, channel: "sms", category, eventKey: l.eventKey, toAddress: person.phone, title: l.title, body: l.sms ?? l.title, link: l.link, notBefore: releaseAt });
      }
      if (pref.channels.includes("push") && person.devices > 0) {
        outgoing.push({ userId: l.userId, channel: "push", category, eventKey: l.eventKey, title: l.title, body: l.body ?? listBody(l), link: l.link, notBefore: releaseAt });
      }
    }
  }
  for (let i = 0; i < mails.length; i += CHUNK) await db.insert(emailOutbox).values(mails.slice(i, i + CHUNK)).onConflictDoNothing();
  for (let i = 0; i < outgoing.length; i += CHUNK) await db.insert(messageOutbox).values(outgoing.slice(i, i + CHUNK)).onConflictDoNothing();
  return told;
}
