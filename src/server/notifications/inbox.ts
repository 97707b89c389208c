import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { notifications } from "./schema";

/** A user's latest notifications (unread first, then newest) and how many are unread. */
export async function myNotifications(db: Database, userId: string, limit = 50) {
  const items = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(sql`${notifications.readAt} is not null`, desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  return { items, unread: await unreadCount(db, userId) };
}

export async function unreadCount(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/**
 * Marks one of the user's notifications read (false when it is not theirs or does not
 * exist), or all of them. Already read ones keep their first reading time.
 */
export async function markRead(db: Database, userId: string, target: { id: string } | { all: true }, now = new Date()): Promise<boolean> {
  if ("all" in target) {
    await db
      .update(notifications)
      .set({ readAt: now })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    return true;
  }
  const [mine] = await db
    .select({ id: notifications.id, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, target.id), eq(notifications.userId, userId)))
    .limit(1);
  if (!mine) return false;
  if (!mine.readAt) await db.update(notifications).set({ readAt: now }).where(and(eq(notifications.id, target.id), eq(notifications.userId, userId)));
  return true;
}

export type NewNotification = Pick<typeof notifications.$inferInsert, "userId" | "kind" | "title" | "body" | "link" | "aboutProfileId">;

/** Adds in-app notifications, in the caller's transaction. */
export async function notify(db: Database, notes: NewNotification[]): Promise<void> {
  if (notes.length) await db.insert(notifications).values(notes);
}
