import { desc, eq, sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { emailOutbox } from "./schema";

export const CONFIDENTIAL_BODY = "(Contenu masqué : cet e-mail contient un code personnel qui ouvre le compte de son destinataire.)";

/**
 * The e-mails the platform queued, newest first: all of them, or those sent to one address.
 * Without an SMTP relay nothing is delivered (sentAt stays empty): this is the development
 * "outbox" page's content.
 */
export async function listOutbox(db: Database, options: { toAddress: string | null; limit?: number }) {
  const q = db
    .select({
      id: emailOutbox.id,
      toAddress: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      // a code that opens someone's account is for their mailbox only, not for staff reading the outbox
      body: sql<string>`case when ${emailOutbox.confidential} then ${CONFIDENTIAL_BODY} else ${emailOutbox.body} end`,
      sentAt: emailOutbox.sentAt,
      error: emailOutbox.error,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .$dynamic();
  const filtered = options.toAddress !== null ? q.where(eq(emailOutbox.toAddress, options.toAddress)) : q;
  return filtered.orderBy(desc(emailOutbox.createdAt)).limit(options.limit ?? 50);
}

/** An e-mail to send: `confidential` when it holds a code that opens an account (hidden on the outbox page). */
export type OutgoingEmail = Pick<typeof emailOutbox.$inferInsert, "toAddress" | "subject" | "body" | "confidential" | "aboutProfileId">;

/** Queues e-mails for delivery (delivery.ts sends them), in the caller's transaction. */
export async function queueEmails(db: Database, mails: OutgoingEmail[]): Promise<void> {
  if (mails.length) await db.insert(emailOutbox).values(mails);
}

/** Deletes the e-mails sent (or queued, if never sent) before `limit`; returns how many. */
export async function deleteOutboxBefore(db: Database, limit: Date): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`delete from email_outbox where coalesce(sent_at, created_at) < ${limit.toISOString()}::timestamptz returning id`,
  );
  return rows.length;
}
