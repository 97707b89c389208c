import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";

export type ChannelCounts = { channel: string; category: string; queued: number; sent: number; failed: number };

/**
 * What the outboxes hold, by channel and category: queued (still to send, retries included),
 * sent, failed for good; plus digest items waiting and addresses the relay refuses.
 */
export async function notificationStatus(db: Database) {
  const email = await queryRows<ChannelCounts>(
    db,
    sql`select 'email' as channel, coalesce(category, 'compte') as category,
        count(*) filter (where sent_at is null and (error is null or (error like 'Échec %' and substring(error from '^Échec ([0-9]+)/')::int < 3)))::int as queued,
        count(*) filter (where sent_at is not null)::int as sent,
        count(*) filter (where sent_at is null and error is not null and not (error like 'Échec %' and substring(error from '^Échec ([0-9]+)/')::int < 3))::int as failed
      from email_outbox group by 2 order by 2`,
  );
  const messages = await queryRows<ChannelCounts>(
    db,
    sql`select channel, category,
        count(*) filter (where done_at is null)::int as queued,
        count(*) filter (where sent_at is not null)::int as sent,
        count(*) filter (where done_at is not null and sent_at is null)::int as failed
      from message_outbox group by 1, 2 order by 1, 2`,
  );
  const [other] = await queryRows<{ digest_waiting: number; failing_addresses: number }>(
    db,
    sql`select (select count(*)::int from digest_items where sent_at is null) as digest_waiting,
        (select count(*)::int from failing_addresses) as failing_addresses`,
  );
  const rows = [...email, ...messages];
  const total = (channel: string) =>
    rows.filter((r) => r.channel === channel).reduce((a, r) => ({ queued: a.queued + r.queued, sent: a.sent + r.sent, failed: a.failed + r.failed }), { queued: 0, sent: 0, failed: 0 });
  return {
    byChannel: { email: total("email"), sms: total("sms"), push: total("push") },
    byCategory: rows,
    digestWaiting: other?.digest_waiting ?? 0,
    failingAddresses: other?.failing_addresses ?? 0,
  };
}
