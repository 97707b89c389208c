import { eq, inArray, or } from "drizzle-orm";
import type { Database } from "../db/client";
import { recordAudit } from "../audit/record";
import { auditEvents } from "../audit/schema";
import { accessCodes, signInAttempts, users } from "../auth/schema";
import { verifyPassword } from "../auth/password";
import { myApplications, myProposals } from "../applications/domain";
import { loadProfile, profileIdOfUser } from "../profiles/load";
import { beneficiaryProfiles } from "../profiles/schema";
import { rateLimitHits } from "../ratelimit/schema";
import { FieldErrors } from "../trpc/init";

/** Everything the service keeps about a person, as they can download it (RGPD art. 15 and 20). */
export async function exportPersonalData(db: Database, userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) return null;
  const profileId = await profileIdOfUser(db, userId);
  const profile = profileId ? await loadProfile(db, profileId) : null;
  const events = await db
    .select({ action: auditEvents.action, at: auditEvents.at, details: auditEvents.details })
    .from(auditEvents)
    .where(or(eq(auditEvents.subjectId, userId), eq(auditEvents.actorId, userId)));
  return {
    exportedAt: new Date().toISOString(),
    account: {
      id: user.id,
      role: user.role,
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
      status: user.status,
      createdAt: user.createdAt,
      lastSignInAt: user.lastSignInAt,
    },
    profile: profile && {
      ...profile,
      // internal bookkeeping, not personal data
      importHash: undefined,
    },
    applications: profileId ? await myApplications(db, profileId) : [],
    proposals: profileId ? await myProposals(db, profileId) : [],
    accountHistory: events,
  };
}

/**
 * Erases a person's account: profile, jobs, skills, applications, proposals, codes and
 * sign-in attempts go; the audit trail keeps an anonymous line (role and territory only).
 * The password is asked again so that a borrowed phone cannot erase someone.
 */
export async function eraseAccount(db: Database, userId: string, password: string): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || !(await verifyPassword(password, user.passwordHash))) {
    throw new FieldErrors({ password: ["Mot de passe incorrect."] });
  }
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    await tx.delete(beneficiaryProfiles).where(eq(beneficiaryProfiles.userId, userId));
    await tx.delete(accessCodes).where(eq(accessCodes.userId, userId));
    if (user.email) await tx.delete(signInAttempts).where(eq(signInAttempts.email, user.email));
    // rate-limit counts keyed by the person (their id, their e-mail for password resets)
    await tx.delete(rateLimitHits).where(inArray(rateLimitHits.key, user.email ? [userId, user.email] : [userId]));
    await tx.delete(users).where(eq(users.id, userId));
    await recordAudit(tx, {
      actorId: null,
      action: "account.erased",
      subjectType: "user",
      subjectId: null,
      details: { role: user.role, territoryCode: user.territoryCode },
    });
  });
}
