// The link of each alert item (/alerte/<token>): the first click is counted, every click leads
// to the offer or formation. The token is random and names one item of one person; anything else
// (forged, altered, erased) finds nothing and changes nothing.

import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";

export type AlertTarget = { kind: "offer" | "formation"; entityId: string; firstClick: boolean };

/** The tokens alerts make: 18 random bytes in base64url (24 characters). */
const TOKEN = /^[A-Za-z0-9_-]{24}$/;

/** Counts the first click on an item's link and says where it leads; null for a token not made here. */
export async function recordAlertClick(db: Database, token: string, now: Date = new Date()): Promise<AlertTarget | null> {
  if (!TOKEN.test(token)) return null;
  const [first] = await queryRows<{ kind: "offer" | "formation"; entity_id: string }>(
    db,
    sql`update alert_items set clicked_at = ${now.toISOString()}::timestamptz
      where token = ${token} and clicked_at is null
      returning kind, entity_id`,
  );
  if (first) return { kind: first.kind, entityId: String(first.entity_id), firstClick: true };
  const [again] = await queryRows<{ kind: "offer" | "formation"; entity_id: string }>(db, sql`select kind, entity_id from alert_items where token = ${token}`);
  return again ? { kind: again.kind, entityId: String(again.entity_id), firstClick: false } : null;
}

/**
 * The statistics' figures for [from, to): items sent in alerts in that period, and how many of
 * them were clicked (at any time since).
 */
export async function alertStats(db: Database, range: { from: Date; to: Date }): Promise<{ sent: number; clicked: number }> {
  const [row] = await queryRows<{ sent: number; clicked: number }>(
    db,
    sql`select count(*)::int as sent, count(clicked_at)::int as clicked
      from alert_items
      where sent_at >= ${range.from.toISOString()}::timestamptz and sent_at < ${range.to.toISOString()}::timestamptz`,
  );
  return { sent: Number(row?.sent ?? 0), clicked: Number(row?.clicked ?? 0) };
}
