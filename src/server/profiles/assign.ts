// Who follows a person: the profile's adviser (the caseload module decides who may change it).
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../db/client";
import { beneficiaryProfiles } from "./schema";

/**
 * The adviser takes the person if they are still nobody's and in `territoryCode`: one atomic
 * update, so of two advisers at once only one wins. True when this call took them.
 */
export async function takeIfUnassigned(tx: Database, profileId: string, adviserId: string, territoryCode: string): Promise<boolean> {
  const [taken] = await tx
    .update(beneficiaryProfiles)
    .set({ adviserId })
    .where(and(eq(beneficiaryProfiles.id, profileId), isNull(beneficiaryProfiles.adviserId), eq(beneficiaryProfiles.territoryCode, territoryCode)))
    .returning({ id: beneficiaryProfiles.id });
  return !!taken;
}

/** Gives the people to the adviser (null: back among the unassigned). */
export async function setAdviser(tx: Database, profileIds: string[], adviserId: string | null): Promise<void> {
  if (profileIds.length) await tx.update(beneficiaryProfiles).set({ adviserId }).where(inArray(beneficiaryProfiles.id, profileIds));
}
