import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { beneficiaryProfiles } from "../profiles/schema";
import { offers } from "../offers/schema";
import type { SessionUser } from "../trpc/context";
import { membershipOf } from "../companies/membership";

const notFound = (what: string) => new TRPCError({ code: "NOT_FOUND", message: `${what} introuvable.` });

/**
 * The profile a caller may match for or open: a beneficiary only their own; an adviser a
 * profile of their caseload or an unassigned one of their territory; an admin any. Others never reach here (role guard).
 */
export async function profileForCaller(db: Database, user: SessionUser, profileId?: string): Promise<string> {
  if (user.role === "beneficiary") {
    const [own] = await db
      .select({ id: beneficiaryProfiles.id })
      .from(beneficiaryProfiles)
      .where(eq(beneficiaryProfiles.userId, user.id))
      .limit(1);
    if (!own) throw notFound("Votre profil");
    return own.id;
  }
  if (!profileId) throw new TRPCError({ code: "BAD_REQUEST", message: "Précisez le profil." });
  const [p] = await db
    .select({ id: beneficiaryProfiles.id, territoryCode: beneficiaryProfiles.territoryCode, adviserId: beneficiaryProfiles.adviserId })
    .from(beneficiaryProfiles)
    .where(eq(beneficiaryProfiles.id, profileId))
    .limit(1);
  if (!p) throw notFound("Profil");
  if (user.role === "adviser" && !adviserMaySee(user, p)) {
    // Same answer as a missing profile: an adviser learns nothing about other caseloads.
    throw notFound("Profil");
  }
  return p.id;
}

/**
 * The rule: an adviser sees only their caseload (profiles they follow) and their
 * territory's unassigned people. Another adviser's caseload, even in the same territory, and
 * other territories are out of reach. An adviser without a territory has only their caseload.
 */
export function adviserMaySee(
  user: Pick<SessionUser, "id" | "territoryCode">,
  p: { adviserId: string | null; territoryCode: string | null },
): boolean {
  if (p.adviserId === user.id) return true;
  return p.adviserId === null && user.territoryCode !== null && p.territoryCode === user.territoryCode;
}

/**
 * The offer a caller may manage or see candidates for: an employer only their company's
 * offers (any recruiter of the company); advisers and admins any. Another company's offer
 * answers as a missing one.
 */
export async function offerForCaller(db: Database, user: SessionUser, offerId: string): Promise<string> {
  const [o] = await db.select({ id: offers.id, employerId: offers.employerId }).from(offers).where(eq(offers.id, offerId)).limit(1);
  if (!o) throw notFound("Offre");
  if (user.role === "employer" || user.role === "training_org") {
    const m = await membershipOf(db, user.id);
    if (!m || m.employerId !== o.employerId) throw notFound("Offre");
  }
  return o.id;
}
