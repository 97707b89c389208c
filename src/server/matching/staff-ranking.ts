import { inArray } from "drizzle-orm";
import type { Database } from "../db/client";
import { beneficiaryProfiles } from "../profiles/schema";
import type { SessionUser } from "../trpc/context";
import { adviserMaySee } from "../profiles/access";
import { matchCandidatesForOffer } from "./queries";

/** How deep an adviser's ranking looks for their own people before keeping the first ones. */
const ADVISER_SCAN = 1000;

/** The raw ranking an admin (everyone) or an adviser (the people they may see) gets. */
export async function rankingForStaff(db: Database, user: SessionUser, offerId: string, limit: number) {
  if (user.role !== "adviser") return matchCandidatesForOffer(db, offerId, limit);
  const ranked = await matchCandidatesForOffer(db, offerId, ADVISER_SCAN);
  if (ranked.length === 0) return [];
  const reach = await db
    .select({ id: beneficiaryProfiles.id, adviserId: beneficiaryProfiles.adviserId, territoryCode: beneficiaryProfiles.territoryCode })
    .from(beneficiaryProfiles)
    .where(inArray(beneficiaryProfiles.id, ranked.map((i) => i.id)));
  const visible = new Set(reach.filter((p) => adviserMaySee(user, p)).map((p) => p.id));
  return ranked.filter((i) => visible.has(i.id)).slice(0, limit);
}

