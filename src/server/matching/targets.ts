import { eq, or } from "drizzle-orm";
import type { Database } from "../db/client";
import { beneficiaryProfiles } from "../profiles/schema";
import { offers } from "../offers/schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An offer by internal id or external id; null when none. */
export async function findOfferId(db: Database, ref: string): Promise<string | null> {
  const [row] = await db
    .select({ id: offers.id })
    .from(offers)
    .where(UUID.test(ref) ? or(eq(offers.id, ref), eq(offers.externalId, ref)) : eq(offers.externalId, ref))
    .limit(1);
  return row?.id ?? null;
}

/** A beneficiary profile by internal id or external id; null when none. */
export async function findProfileId(db: Database, ref: string): Promise<string | null> {
  const [row] = await db
    .select({ id: beneficiaryProfiles.id })
    .from(beneficiaryProfiles)
    .where(
      UUID.test(ref)
        ? or(eq(beneficiaryProfiles.id, ref), eq(beneficiaryProfiles.externalId, ref))
        : eq(beneficiaryProfiles.externalId, ref),
    )
    .limit(1);
  return row?.id ?? null;
}
