// The profile's phone number: stored in E.164 ("+33612345678", what the SMS provider needs), read
// in the instance's region when typed without prefix (0692… is Réunion's in Réunion).

import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { instanceTimeZone } from "../config/time-zone";
import { normalisePhone, phoneRegionForTimeZone, type PhoneResult } from "../../lib/phone";
import { recordAudit } from "../audit/record";
import { FieldErrors } from "../lib/field-errors";
import type { SessionUser } from "../trpc/context";
import { profileForCaller } from "./access";
import { loadProfile, profileIdOfUser, type StoredProfile } from "./load";
import { beneficiaryProfiles } from "./schema";

/** A typed number in E.164, read in the instance's region first. */
export function normaliseInstancePhone(input: string): PhoneResult {
  return normalisePhone(input, phoneRegionForTimeZone(instanceTimeZone()));
}

/**
 * Saves (or, empty, removes) the phone number of the caller's profile, or (adviser, admin) of
 * a profile they may reach; a wrong number is refused on its field. Audited like the wizard.
 */
export async function saveProfilePhone(db: Database, user: SessionUser, phone: string | null, profileId?: string): Promise<StoredProfile> {
  const byAdviser = user.role === "adviser" || user.role === "admin";
  const id = byAdviser ? await profileForCaller(db, user, profileId) : await profileIdOfUser(db, user.id);
  if (!byAdviser && profileId && profileId !== id) throw new TRPCError({ code: "NOT_FOUND", message: "Profil introuvable." });
  if (!id) throw new FieldErrors({ _: ["Commencez par indiquer où vous habitez."] });
  let e164: string | null = null;
  if (phone?.trim()) {
    const result = normaliseInstancePhone(phone);
    if (!result.ok) throw new FieldErrors({ phone: [result.message] });
    e164 = result.e164;
  }
  const before = await loadProfile(db, id);
  if ((before?.phone ?? null) !== e164) {
    await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Database;
      await tx.update(beneficiaryProfiles).set({ phone: e164, updatedAt: new Date() }).where(eq(beneficiaryProfiles.id, id));
      await recordAudit(tx, {
        actorId: user.id,
        action: byAdviser ? "profile.edit_by_adviser" : "profile.edit",
        subjectType: "profile",
        subjectId: id,
        details: { step: "phone", changedFields: ["phone"] },
      });
    });
  }
  return (await loadProfile(db, id))!;
}
