import { desc, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
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
