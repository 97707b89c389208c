// The status changes an organisation makes to applications (read, answered, hired): the
// applications module's own writes, called by recruiting with its transaction.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { applications, type ApplicationStatus } from "./schema";
import { tellApplicationChange } from "./tidings";

/** The organisation opened one application: "sent" becomes "seen" (the person sees it was read). */
export async function markApplicationSeen(db: Database, applicationId: string): Promise<void> {
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const rows = await tx
      .update(applications)
      .set({ status: "seen", updatedAt: new Date() })
      .where(and(eq(applications.id, applicationId), eq(applications.status, "sent")))
      .returning({ id: applications.id });
    await tellApplicationChange(tx, rows.map((r) => r.id), { kind: "seen" });
  });
}

/** The organisation opened an offer's inbox: every "sent" application becomes "seen"; their ids. */
export async function markOfferApplicationsSeen(db: Database, offerId: string): Promise<string[]> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const rows = await tx
      .update(applications)
      .set({ status: "seen", updatedAt: new Date() })
      .where(and(eq(applications.offerId, offerId), eq(applications.status, "sent")))
      .returning({ id: applications.id });
    const ids = rows.map((r) => r.id);
    await tellApplicationChange(tx, ids, { kind: "seen" });
    return ids;
  });
}

/** The organisation's first answer (interview, hired, declined) sets answered_at once: its answer rate and delay. */
const ANSWERS: ApplicationStatus[] = ["interview", "hired", "declined"];
const answeredAtFor = (status: ApplicationStatus) =>
  ANSWERS.includes(status) ? sql`coalesce(${applications.answeredAt}, now())` : sql`${applications.answeredAt}`;

/** An answer, only from one of the `allowed` statuses (false when the application changed in between). */
export async function answerApplication(
  db: Database,
  applicationId: string,
  status: ApplicationStatus,
  reason: string | null,
  allowed: ApplicationStatus[],
): Promise<boolean> {
  const [row] = await db
    .update(applications)
    .set({ status, statusReason: reason, updatedAt: new Date(), answeredAt: answeredAtFor(status) })
    .where(and(eq(applications.id, applicationId), inArray(applications.status, allowed)))
    .returning({ id: applications.id });
  return Boolean(row);
}

/** A hire without an application (after a contact request): a "hired" application, or null when the person applied meanwhile. */
export async function insertHiredApplication(db: Database, profileId: string, offerId: string): Promise<string | null> {
  const [app] = await db
    .insert(applications)
    .values({ profileId, offerId, status: "hired", message: null, answeredAt: new Date() })
    .onConflictDoNothing()
    .returning({ id: applications.id });
  return app?.id ?? null;
}

/**
 * The organisation undoes a hire: the application goes back to where it was before (its
 * answered_at too when it had no answer before), or, for a hire recorded without an
 * application (after a contact request), the application made for it is removed.
 * False when it is no longer "hired".
 */
export async function revertHire(
  db: Database,
  applicationId: string,
  previous: { status: ApplicationStatus; answeredAt: Date | null } | "none",
): Promise<boolean> {
  if (previous === "none") {
    const gone = await db
      .delete(applications)
      .where(and(eq(applications.id, applicationId), eq(applications.status, "hired")))
      .returning({ id: applications.id });
    return gone.length > 0;
  }
  const [row] = await db
    .update(applications)
    .set({ status: previous.status, statusReason: null, answeredAt: previous.answeredAt, updatedAt: new Date() })
    .where(and(eq(applications.id, applicationId), eq(applications.status, "hired")))
    .returning({ id: applications.id });
  return Boolean(row);
}
