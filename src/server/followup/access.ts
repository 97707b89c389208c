import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { checkIns, placements } from "./schema";
import { beneficiaryProfiles } from "../profiles/schema";
import type { SessionUser } from "../trpc/context";

const notFound = (message: string) => new TRPCError({ code: "NOT_FOUND", message });

/**
 * Follow-up is the caseload's business: an adviser reaches only the people assigned to them
 * (profile.adviserId), an admin anyone. Another adviser's person answers as a missing one.
 */
function mayFollow(user: SessionUser, adviserId: string | null): boolean {
  return user.role === "admin" || (user.role === "adviser" && adviserId === user.id);
}

export async function caseloadProfile(db: Database, user: SessionUser, profileId: string) {
  const [p] = await db
    .select({
      id: beneficiaryProfiles.id,
      adviserId: beneficiaryProfiles.adviserId,
      territoryCode: beneficiaryProfiles.territoryCode,
      firstName: beneficiaryProfiles.firstName,
      lastName: beneficiaryProfiles.lastName,
    })
    .from(beneficiaryProfiles)
    .where(eq(beneficiaryProfiles.id, profileId))
    .limit(1);
  if (!p || !mayFollow(user, p.adviserId)) throw notFound("Personne introuvable.");
  return p;
}

export async function checkInForCaller(db: Database, user: SessionUser, checkInId: string) {
  const [row] = await db
    .select({
      id: checkIns.id,
      placementId: checkIns.placementId,
      monthsAfter: checkIns.monthsAfter,
      dueOn: checkIns.dueOn,
      status: checkIns.status,
      profileId: placements.profileId,
      startsOn: placements.startsOn,
      adviserId: beneficiaryProfiles.adviserId,
    })
    .from(checkIns)
    .innerJoin(placements, eq(placements.id, checkIns.placementId))
    .innerJoin(beneficiaryProfiles, eq(beneficiaryProfiles.id, placements.profileId))
    .where(eq(checkIns.id, checkInId))
    .limit(1);
  if (!row || !mayFollow(user, row.adviserId)) throw notFound("Point de suivi introuvable.");
  return row;
}
