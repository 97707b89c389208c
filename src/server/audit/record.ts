import type { Database } from "../db/client";
import { auditEvents } from "./schema";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  details?: Record<string, unknown>;
};

/** Appends to the audit trail; call it inside the same transaction as the change it records. */
export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    details: entry.details ?? {},
  });
}

/** The staff reads of personal data the audit trail records, one row per person returned. */
export type ReadAction =
  | "profile.read_cv"
  | "profile.read_list"
  | "profile.read_search"
  | "profile.read_placements"
  | "profile.read_followup"
  | "profile.read_ranking"
  | "profile.read_matches"
  | "account.read_list";

/**
 * Records that a staff member was shown these people's personal data: one row per person
 * (subject), all in one multi-row insert. Call it before the data is returned, so that no read
 * goes unrecorded. The reader's own id is left out (a person reading their own data is not
 * audited); an empty list writes nothing. `details` names where the data was shown and must
 * hold nothing about the people.
 */
export async function recordReads(
  db: Database,
  actorId: string,
  action: ReadAction,
  subjectType: "profile" | "user",
  subjectIds: ReadonlyArray<string>,
  details: { source: string } & Record<string, string | number | boolean>,
): Promise<number> {
  const ids = [...new Set(subjectIds)].filter((id) => id !== actorId);
  if (ids.length === 0) return 0;
  await db.insert(auditEvents).values(ids.map((subjectId) => ({ actorId, action, subjectType, subjectId, details })));
  return ids.length;
}
