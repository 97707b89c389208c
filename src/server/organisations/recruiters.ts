import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/record";
import { createPendingAccount, disableAccount, EMAIL_TAKEN, emailTaken, issueAccessCode, type CreatedAccount } from "../auth/accounts";
import { users } from "../auth/schema";
import type { Database } from "../db/client";
import { organisationMembers } from "./schema";
import { FieldErrors } from "../lib/field-errors";
import type { SessionUser } from "../trpc/context";
import type { addRecruiterInput } from "./inputs";
import { requireOwner, type Membership } from "./membership";

const NOT_A_MEMBER = "Cette personne ne fait pas partie de votre équipe.";

/**
 * The owner adds a recruiter (or a colleague of a training organisation): a pending account
 * of the same role, member of the organisation, and a one-time access code the owner hands
 * over. The person activates it on /activer with the code, their e-mail and a password.
 */
export async function addRecruiter(
  db: Database,
  owner: SessionUser,
  input: z.output<typeof addRecruiterInput>,
): Promise<CreatedAccount> {
  const m = await requireOwner(db, owner);
  if (await emailTaken(db, input.email)) throw new FieldErrors({ email: [EMAIL_TAKEN] });
  return createPendingAccount(
    db,
    owner.id,
    { role: owner.role, firstName: input.firstName, lastName: input.lastName, email: input.email, territoryCode: null },
    async (tx, user) => {
      await tx.insert(organisationMembers).values({ userId: user.id, employerId: m.employerId, isOwner: false, addedBy: owner.id });
      await recordAudit(tx, {
        actorId: owner.id,
        action: "organisation.member_add",
        subjectType: "employer",
        subjectId: m.employerId,
        details: { userId: user.id },
      });
    },
  );
}

/** A member of the owner's own organisation other than the owner, else NOT_FOUND / FORBIDDEN. */
async function otherMember(db: Database, owner: SessionUser, m: Membership, userId: string) {
  if (userId === owner.id) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "Vous ne pouvez pas vous retirer vous-même : vous êtes responsable du compte.",
    });
  }
  const [member] = await db
    .select({ userId: organisationMembers.userId, isOwner: organisationMembers.isOwner, status: users.status })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(and(eq(organisationMembers.userId, userId), eq(organisationMembers.employerId, m.employerId)))
    .limit(1);
  // Someone of another organisation: the same answer as nobody.
  if (!member) throw new TRPCError({ code: "NOT_FOUND", message: NOT_A_MEMBER });
  if (member.isOwner) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Le responsable du compte ne peut pas être retiré." });
  }
  return member;
}

/**
 * The owner removes a recruiter: the account is disabled (it cannot sign in any more, an
 * unused code stops working) and leaves the organisation. Its offers stay with the company.
 */
export async function removeRecruiter(db: Database, owner: SessionUser, userId: string): Promise<{ userId: string }> {
  const m = await requireOwner(db, owner);
  await otherMember(db, owner, m, userId);
  await db.transaction(async (tx) => {
    await tx.delete(organisationMembers).where(and(eq(organisationMembers.userId, userId), eq(organisationMembers.employerId, m.employerId)));
    await disableAccount(tx as unknown as Database, userId);
    await recordAudit(tx as unknown as Database, {
      actorId: owner.id,
      action: "organisation.member_remove",
      subjectType: "employer",
      subjectId: m.employerId,
      details: { userId },
    });
  });
  return { userId };
}

/**
 * A new code for a recruiter who has not activated their account yet (lost code or expired).
 * Never for an active account: that would let the owner take over a colleague's account.
 */
export async function reissueRecruiterCode(db: Database, owner: SessionUser, userId: string) {
  const m = await requireOwner(db, owner);
  const member = await otherMember(db, owner, m, userId);
  if (member.status !== "pending") {
    throw new FieldErrors({
      userId: ["Cette personne a déjà activé son compte. Si elle a oublié son mot de passe, l'équipe du département peut lui donner un nouveau code."],
    });
  }
  return db.transaction(async (tx) => {
    const issued = await issueAccessCode(tx as unknown as Database, userId);
    await recordAudit(tx as unknown as Database, {
      actorId: owner.id,
      action: "account.access_code_reissued",
      subjectType: "user",
      subjectId: userId,
      details: { employerId: m.employerId },
    });
    return issued;
  });
}
