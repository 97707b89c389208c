// Daily and weekly e-mails: what waited in digest_items for a person and a category goes out as
// one e-mail, from 08:00 in the instance's time zone (daily), or on Monday from 08:00 (weekly).
// Rows are claimed with `for update skip locked` and marked in the same transaction: two
// processes at once never send a digest twice.

import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { instanceTimeZone } from "../config/time-zone";
import { addDays, daysBetween, instantAt, todayIn } from "../../lib/dates";
import { CATEGORIES, isCategory, type Category } from "./categories";
import { renderEmail } from "./email";
import { preferencesFor } from "./preferences";
import { emailOutbox } from "./schema";

export const DIGEST_HOUR = 8;

/** The last moment a daily and a weekly digest were due at or before `now`. */
export function digestMoments(now: Date, timeZone = instanceTimeZone()): { daily: Date; weekly: Date } {
  const today = todayIn(timeZone, now);
  const todayAt = instantAt(today, DIGEST_HOUR, timeZone);
  const lastDay = todayAt <= now ? today : addDays(today, -1);
  // Monday of lastDay's week (2024-01-01 was a Monday)
  const monday = addDays(lastDay, -(((daysBetween("2024-01-01", lastDay) % 7) + 7) % 7));
  return { daily: instantAt(lastDay, DIGEST_HOUR, timeZone), weekly: instantAt(monday, DIGEST_HOUR, timeZone) };
}

type Pending = { user_id: string; category: string; email: string | null; first_name: string; failing: boolean; last_sent: string | null };

const DIGEST_INTRO: Partial<Record<Category, string>> = {
  new_application: "Voici les nouvelles candidatures reçues.",
  caseload_activity: "Voici ce qu'ont fait les personnes que vous suivez.",
};

/** Sends the digests due at `now`; returns how many e-mails were queued. */
export async function sendDigests(db: Database, options: { now?: Date; batchSize?: number } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 200;
  const moments = digestMoments(now);
  let queued = 0;
  const skipped = new Set<string>(); // people/categories not due yet, within this run
  for (;;) {
    const done = await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Database;
      const groups = await queryRows<Pending>(
        tx,
        sql`select d.user_id, d.category, u.email, u.first_name, (f.address is not null) as failing,
            (select max(s.sent_at)::text from digest_items s where s.user_id = d.user_id and s.category = d.category and s.sent_at is not null) as last_sent
          from (select distinct user_id, category from digest_items
                where sent_at is null and created_at <= ${now.toISOString()}::timestamptz
                  ${skipped.size ? sql`and (user_id::text || ':' || category) not in (${sql.join([...skipped].map((k) => sql`${k}`), sql`, `)})` : sql``}
                limit ${batchSize}) d
          join users u on u.id = d.user_id
          left join failing_addresses f on f.address = lower(u.email)`,
      );
      let count = 0;
      for (const g of groups) {
        const key = `${String(g.user_id)}:${g.category}`;
        if (!isCategory(g.category)) {
          skipped.add(key);
          continue;
        }
        const userId = String(g.user_id);
        const pref = (await preferencesFor(tx, [userId], g.category)).get(userId)!;
        const lastSent = g.last_sent ? new Date(g.last_sent) : null;
        const dueSince = pref.frequency === "weekly" ? moments.weekly : pref.frequency === "daily" ? moments.daily : null;
        if (dueSince && lastSent && lastSent >= dueSince) {
          skipped.add(key); // already had this period's digest
          continue;
        }
        const items = await queryRows<{ id: string; title: string; body: string | null; link: string | null; about_profile_id: string | null }>(
          tx,
          sql`select id, title, body, link, about_profile_id from digest_items
            where user_id = ${userId}::uuid and category = ${g.category} and sent_at is null and created_at <= ${now.toISOString()}::timestamptz
            order by created_at, id
            for update skip locked`,
        );
        if (!items.length) {
          skipped.add(key);
          continue;
        }
        const wantsEmail = pref.frequency !== "never" && pref.channels.includes("email") && g.email && !g.failing;
        if (wantsEmail) {
          const title = `${CATEGORIES[g.category].label} (${items.length})`;
          const mail = renderEmail({
            firstName: g.first_name || null,
            subject: title,
            intro: DIGEST_INTRO[g.category] ?? "Voici ce qui s'est passé depuis notre dernier message.",
            items: items.slice(0, 30).map((i) => ({ title: i.title, body: i.body, link: i.link })),
            userId,
            category: g.category,
          });
          const aboutOne = new Set(items.map((i) => i.about_profile_id)).size === 1 ? items[0]!.about_profile_id : null;
          await tx
            .insert(emailOutbox)
            .values({ toAddress: g.email!, subject: mail.subject, body: mail.body, html: mail.html, userId, category: g.category, eventKey: `digest:${g.category}:${now.toISOString()}`, aboutProfileId: aboutOne })
            .onConflictDoNothing();
          count += 1;
        }
        await tx.execute(sql`update digest_items set sent_at = ${now.toISOString()}::timestamptz
          where id in (${sql.join(items.map((i) => sql`${String(i.id)}::uuid`), sql`, `)})`);
        skipped.add(key);
      }
      return { groups: groups.length, count };
    });
    queued += done.count;
    if (done.groups < batchSize) return queued;
  }
}
