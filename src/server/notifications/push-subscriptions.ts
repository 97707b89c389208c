// The browsers and phones where a person accepted notifications (the Push API's subscriptions).
// An endpoint is a secret address the browser's push service made for this browser: whoever
// presents it holds that browser, so on a shared phone the subscription follows the person who
// turned notifications on last (one browser never shows two people's notifications).

import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client";
import { pushSubscriptions } from "./schema";

/** A person rarely has more devices; the oldest beyond this are forgotten. */
export const MAX_DEVICES_PER_PERSON = 10;

const base64url = (bytes: number, what: string) =>
  z
    .string({ error: `${what} manquante.` })
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, `${what} invalide.`)
    .refine((s) => Buffer.from(s, "base64url").length === bytes, `${what} invalide.`);

export const pushSubscriptionInput = z.object({
  endpoint: z
    .url({ message: "Adresse de notification invalide." })
    .max(2048, "Adresse de notification trop longue.")
    .refine((u) => u.startsWith("https://"), "Adresse de notification invalide."),
  keys: z.object({
    /** the browser's P-256 public key, uncompressed (65 bytes) */
    p256dh: base64url(65, "Clé de notification"),
    /** the 16-byte authentication secret */
    auth: base64url(16, "Clé de notification"),
  }),
});
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionInput>;

/** Records (or moves to this person) a browser's subscription. */
export async function subscribePush(db: Database, userId: string, input: PushSubscriptionInput): Promise<void> {
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    await tx
      .insert(pushSubscriptions)
      .values({ userId, endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth })
      .onConflictDoUpdate({
        target: pushSubscriptions.endpoint,
        set: { userId, p256dh: input.keys.p256dh, auth: input.keys.auth, createdAt: new Date() },
      });
    const mine = await tx
      .select({ id: pushSubscriptions.id })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, userId))
      .orderBy(asc(pushSubscriptions.createdAt), asc(pushSubscriptions.id));
    const extra = mine.slice(0, Math.max(0, mine.length - MAX_DEVICES_PER_PERSON)).map((r) => r.id);
    if (extra.length) await tx.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, extra));
  });
}

/** Forgets one of the person's own subscriptions; false when they have none at that address. */
export async function unsubscribePush(db: Database, userId: string, endpoint: string): Promise<boolean> {
  const gone = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)))
    .returning({ id: pushSubscriptions.id });
  return gone.length > 0;
}

/** Whether this browser's subscription is the person's (for the toggle's state). */
export async function hasPushSubscription(db: Database, userId: string, endpoint: string): Promise<boolean> {
  const rows = await db
    .select({ id: pushSubscriptions.id })
    .from(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)))
    .limit(1);
  return rows.length > 0;
}
