// Who may manage an offer or see its candidates: its organisation's recruiters, advisers and admins.
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import type { SessionUser } from "../trpc/context";
import { membershipOf } from "../organisations/membership";
import { offers } from "./schema";

const notFound = (what: string) => new TRPCError({ code: "NOT_FOUND", message: `${what} introuvable.` });

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
