// The access code of a pending beneficiary's letter, as the adviser sees it on the person's
// file (profile.accessCodeOfPerson) and prints it (access-letter.ts): the same code in both.

import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { currentLetterCode } from "../auth/accounts";
import { users } from "../auth/schema";
import type { Database } from "../db/client";
import type { SessionUser } from "../trpc/context";

const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "Compte introuvable." });

/** Who may see and print a pending account's code: same rule as reissueAccessCode; anyone else learns nothing (NOT_FOUND). */
export async function pendingBeneficiary(db: Database, actor: SessionUser, userId: string) {
  if (actor.role !== "adviser" && actor.role !== "admin") throw new TRPCError({ code: "FORBIDDEN", message: "Réservé aux conseillers." });
  if (!/^[0-9a-f-]{36}$/i.test(userId)) throw notFound();
  const [person] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  const allowed =
    person?.role === "beneficiary" &&
    (actor.role === "admin" || person.createdBy === actor.id || (actor.territoryCode !== null && person.territoryCode === actor.territoryCode));
  if (!person || !allowed) throw notFound();
  if (person.status !== "pending") {
    throw new TRPCError({ code: "CONFLICT", message: "Ce compte n'attend plus d'activation : pas de courrier à imprimer." });
  }
  return person;
}

/**
 * The code a pending beneficiary's letter carries, as the adviser's screen shows it; null
 * when no code can be shown (used, expired, or made before codes could be shown again): then
 * only a new code (accounts.reissueAccessCode, an explicit action) helps.
 */
export async function accessCodeOnFile(
  db: Database,
  actor: SessionUser,
  userId: string,
): Promise<{ code: string; expiresAt: Date } | null> {
  await pendingBeneficiary(db, actor, userId);
  return currentLetterCode(db, userId);
}
