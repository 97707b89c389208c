// Who speaks for an organisation when something happens to its offers or formations: every
// active member (recruiters of a company, staff of a training organisation).
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";

/** The active accounts of an organisation's members (owner first). */
export async function recruiterIds(db: Database, organisationId: string | null): Promise<string[]> {
  if (!organisationId) return [];
  const rows = await queryRows<{ user_id: string }>(
    db,
    sql`select m.user_id from employer_members m join users u on u.id = m.user_id and u.status = 'active'
      where m.employer_id = ${organisationId}::uuid order by m.is_owner desc, m.created_at, m.user_id`,
  );
  return rows.map((r) => String(r.user_id));
}
