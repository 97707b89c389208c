import { eq, sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { placements } from "./schema";

/**
 * Records the placement an application marked "hired" leads to: the person, the company, the
 * offer's job and contract, the adviser following the person at this moment (who will follow
 * the job's first six months), starting on the offer's start date or today if that is past.
 * One placement per application: calling it again returns the existing one. Call it in the
 * same transaction as the status change.
 */
export async function createPlacementForApplication(
  db: Database,
  applicationId: string,
  createdBy: string | null,
): Promise<{ id: string; created: boolean }> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`insert into placements (profile_id, employer_id, offer_id, application_id, adviser_id, job_title, rome_code,
        contract, starts_on, created_by)
      select a.profile_id, o.employer_id, o.id, a.id, p.adviser_id, o.title, o.rome_code, o.contract,
        greatest(o.starts_on, current_date), ${createdBy}::uuid
      from applications a
      join offers o on o.id = a.offer_id
      join beneficiary_profiles p on p.id = a.profile_id
      where a.id = ${applicationId}::uuid
      on conflict (application_id) do nothing
      returning id`,
  );
  if (rows[0]) return { id: String(rows[0].id), created: true };
  const [existing] = await db.select({ id: placements.id }).from(placements).where(eq(placements.applicationId, applicationId)).limit(1);
  if (!existing) throw new Error(`application ${applicationId} is not an offer's application`);
  return { id: existing.id, created: false };
}
