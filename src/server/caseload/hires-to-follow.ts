// "À prendre en suivi": hires of people nobody follows wait in their territory's queue; the
// first adviser of the territory who takes one gets the person in their caseload (through the
// profiles module's atomic assignment: of two advisers at once only one wins) and follows the
// placement's check-ins.
import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { queryRows, type Database } from "../db/client";
import { followPlacementsOf, hiresToFollow, type HireToFollow } from "../followup/hire-news";
import { takeIfUnassigned } from "../profiles/assign";
import type { SessionUser } from "../trpc/context";

/** An adviser's territory's queue; an admin sees every territory's. */
export async function hiresToFollowFor(db: Database, user: SessionUser): Promise<HireToFollow[]> {
  if (user.role === "admin") return hiresToFollow(db, null);
  if (!user.territoryCode) return [];
  return hiresToFollow(db, user.territoryCode);
}

const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "Embauche introuvable." });

export async function takeHireFollowUp(db: Database, adviser: SessionUser, placementId: string): Promise<{ profileId: string }> {
  if (!adviser.territoryCode) throw notFound();
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const [p] = await queryRows<{ profile_id: string; adviser_id: string | null; territory_code: string | null }>(
      tx,
      sql`select p.id as profile_id, p.adviser_id, p.territory_code from placements pl join beneficiary_profiles p on p.id = pl.profile_id
        where pl.id = ${placementId}::uuid`,
    );
    if (!p || p.territory_code !== adviser.territoryCode) throw notFound();
    const profileId = String(p.profile_id);
    if (!(await takeIfUnassigned(tx, profileId, adviser.id, adviser.territoryCode!))) {
      const [now] = await queryRows<{ adviser_id: string | null }>(tx, sql`select adviser_id from beneficiary_profiles where id = ${profileId}::uuid`);
      if (now?.adviser_id !== adviser.id) {
        throw new TRPCError({ code: "CONFLICT", message: "Un autre conseiller vient de prendre le suivi de cette personne." });
      }
    } else {
      await recordAudit(tx, { actorId: adviser.id, action: "profile.take", subjectType: "profile", subjectId: profileId, details: { placementId } });
    }
    await followPlacementsOf(tx, profileId, adviser.id);
    return { profileId };
  });
}
