// Who may open a person's profile: the person, the advisers who may see them, admins. The
// adviser visibility rule lives here once, as a function and as the SQL scope that lists them.
import { TRPCError } from "@trpc/server";
import { eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "../db/client";
import type { SessionUser } from "../trpc/context";
import { beneficiaryProfiles } from "./schema";

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

/** The columns the visibility SQL reads: the profiles table (alias p) by default, or a copy of them (search documents). */
export type ProfileScopeColumns = { adviserId: SQL; territoryCode: SQL };
const PROFILE_COLUMNS: ProfileScopeColumns = { adviserId: sql`p.adviser_id`, territoryCode: sql`p.territory_code` };

/** The people an adviser follows (their caseload). */
export function caseloadSql(adviserId: string, cols: ProfileScopeColumns = PROFILE_COLUMNS): SQL {
  return sql`${cols.adviserId} = ${adviserId}::uuid`;
}

/** A territory's people nobody follows yet (none when the adviser has no territory). */
export function unassignedSql(territoryCode: string | null, cols: ProfileScopeColumns = PROFILE_COLUMNS): SQL {
  return territoryCode === null ? sql`false` : sql`${cols.adviserId} is null and ${cols.territoryCode} = ${territoryCode}`;
}

/** adviserMaySee as SQL: the adviser's caseload and their territory's unassigned people. */
export function adviserMaySeeSql(user: Pick<SessionUser, "id" | "territoryCode">, cols: ProfileScopeColumns = PROFILE_COLUMNS): SQL {
  if (user.territoryCode === null) return caseloadSql(user.id, cols);
  return sql`(${caseloadSql(user.id, cols)} or (${unassignedSql(user.territoryCode, cols)}))`;
}
