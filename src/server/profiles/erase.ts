import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { beneficiaryProfiles } from "./schema";

/**
 * Erasure (privacy/erase.ts): deletes the profile; the foreign keys cascade to its jobs,
 * formations, match points, applications, proposals, placements, check-ins and advisers'
 * notes, and the search trigger drops its document.
 */
export async function deleteProfile(tx: Database, profileId: string): Promise<void> {
  await tx.delete(beneficiaryProfiles).where(eq(beneficiaryProfiles.id, profileId));
}

/** The retention schedule warned the person on `now`: only this column (updated_at is an activity, the warning is not). */
export async function markRetentionWarned(tx: Database, profileId: string, now: Date): Promise<void> {
  await tx.execute(sql`update beneficiary_profiles set retention_warned_at = ${now.toISOString()}::timestamptz where id = ${profileId}::uuid`);
}
