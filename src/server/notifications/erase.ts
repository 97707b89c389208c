import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { inText, mentions, type PersonTraces } from "../db/person-traces";

/**
 * Erasure (privacy/erase.ts): deletes the notifications to the account, about the profile or
 * whose text mentions the person, then the outbox e-mails to one of their addresses, about the
 * profile or whose subject or body mentions them.
 */
export async function eraseNotificationsOf(
  tx: Database,
  p: PersonTraces & { userId: string | null; profileId: string | null; emails: string[] },
): Promise<void> {
  await tx.execute(sql`delete from notifications
      where ${p.userId ? sql`user_id = ${p.userId}::uuid or` : sql``}
        ${p.profileId ? sql`about_profile_id = ${p.profileId}::uuid or` : sql``}
        ${mentions(sql`concat_ws(' ', title, body, link)`, p.needles, p.names)}`);
  await tx.execute(sql`delete from email_outbox
      where ${inText(sql`lower(to_address)`, p.emails)}
        ${p.profileId ? sql`or about_profile_id = ${p.profileId}::uuid` : sql``}
        or ${mentions(sql`concat_ws(' ', subject, body)`, p.needles, p.names)}`);
  // SMS, push and digests still waiting: to the account (cascade) or about the person
  for (const table of [sql`message_outbox`, sql`digest_items`]) {
    await tx.execute(sql`delete from ${table}
        where ${p.userId ? sql`user_id = ${p.userId}::uuid or` : sql``}
          ${p.profileId ? sql`about_profile_id = ${p.profileId}::uuid or` : sql``}
          ${mentions(sql`concat_ws(' ', title, body, link)`, p.needles, p.names)}`);
  }
  if (p.emails.length) await tx.execute(sql`delete from failing_addresses where ${inText(sql`address`, p.emails)}`);
}
