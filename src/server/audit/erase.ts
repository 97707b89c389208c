import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { inText, mentions, type PersonTraces } from "../db/person-traces";

/**
 * Erasure (privacy/erase.ts): the audit trail keeps what happened, who did it and when, never
 * who it was about. Rows pointing at the person keep their action, actor and time but lose the
 * subject id when it is one of `subjectIds`, the actor id when they were the actor, and their
 * details when the details name them.
 */
export async function anonymiseAuditOf(tx: Database, p: PersonTraces & { userId: string | null; subjectIds: string[] }): Promise<void> {
  const actorIds = p.userId ? [p.userId] : [];
  const named = [...p.needles, ...p.subjectIds];
  await tx.execute(sql`update audit_events set
        subject_id = case when ${inText(sql`subject_id`, p.subjectIds)} then null else subject_id end,
        actor_id = case when ${inText(sql`actor_id::text`, actorIds)} then null else actor_id end,
        details = case when ${mentions(sql`details::text`, named, p.names)} then '{"erased": true}'::jsonb else details end
      where ${inText(sql`subject_id`, p.subjectIds)}
         or ${inText(sql`actor_id::text`, actorIds)}
         or ${mentions(sql`details::text`, named, p.names)}`);
}
