// Erasure of a person (RGPD art. 17): one function for every way in — the person themself
// (password re-asked), their adviser or an admin (with a reason), and the retention purge.
//
// What goes, in ONE transaction (see docs/reliability.md, "Erasure and retention"):
// - the account (users) with its access codes, sign-in attempts and rate-limit rows;
// - the profile (CV) and, by cascade, jobs, formations, match points, applications,
//   proposals, placements and their check-ins, advisers' notes; the search document (trigger);
// - offer views (offer_views has no foreign key to the profile);
// - their id in "who did it" columns (created_by, updated_by, added_by…: a recruiter's account);
// - notifications and outbox e-mails to them or about them: about_profile_id, or the text holds
//   one of their ids, their e-mail, phone or external id, or both their first and last names;
// - in the audit trail, every row that points at them keeps its action, actor and time but
//   loses the subject id (theirs or one of their applications, proposals, placements…), the
//   actor id when they were the actor, and its details when the details name them.
// One "person.erased" audit row is added: who erased (actor), why (reason code), and the
// erased person's role and territory only.

import { TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import { anonymiseAuditOf } from "../audit/erase";
import { recordAudit } from "../audit/record";
import { deleteUser, eraseSignInAttemptsOf } from "../auth/erase";
import { users, type Role } from "../auth/schema";
import { verifyPassword } from "../auth/password";
import { queryRows, type Database } from "../db/client";
import { eraseNotificationsOf } from "../notifications/erase";
import { eraseOfferViewsOf } from "../offers/erase";
import { deleteProfile } from "../profiles/erase";
import { beneficiaryProfiles } from "../profiles/schema";
import { eraseRateLimitHitsOf } from "../ratelimit/erase";
import { quotaItem } from "../recruiting/quota";
import { dropErasedProfile } from "../search/erase";
import type { SessionUser } from "../trpc/context";
import { FieldErrors } from "../lib/field-errors";
import type { EraseReason } from "./reasons";

export { ERASE_REASONS, STAFF_ERASE_REASONS, type EraseReason } from "./reasons";

export type ErasedBy = { kind: "self" } | { kind: "staff"; actor: SessionUser } | { kind: "retention" };

export type ErasureTarget = { profileId?: string | null; userId?: string | null };

type Person = {
  userId: string | null;
  profileId: string | null;
  role: Role;
  territoryCode: string | null;
  firstName: string;
  lastName: string;
  emails: string[];
  phone: string | null;
  externalId: string | null;
};

async function findPerson(db: Database, target: ErasureTarget): Promise<Person | null> {
  let [profile] = target.profileId
    ? await db.select().from(beneficiaryProfiles).where(eq(beneficiaryProfiles.id, target.profileId)).limit(1)
    : [];
  const userId = target.userId ?? profile?.userId ?? null;
  const [user] = userId ? await db.select().from(users).where(eq(users.id, userId)).limit(1) : [];
  if (!profile && user) [profile] = await db.select().from(beneficiaryProfiles).where(eq(beneficiaryProfiles.userId, user.id)).limit(1);
  if (!profile && !user) return null;
  const emails = [...new Set([user?.email, profile?.email].filter((e): e is string => !!e).map((e) => e.toLowerCase()))];
  return {
    userId: user?.id ?? null,
    profileId: profile?.id ?? null,
    role: user?.role ?? "beneficiary",
    territoryCode: profile?.territoryCode ?? user?.territoryCode ?? null,
    firstName: (profile?.firstName || user?.firstName || "").trim(),
    lastName: (profile?.lastName || user?.lastName || "").trim(),
    emails,
    phone: profile?.phone?.trim() || null,
    externalId: profile?.externalId?.trim() || null,
  };
}

/**
 * Erases the person in one transaction (see the file's header). Returns false when there is
 * nobody to erase (or `stillDue` says no). Callers check who may erase whom before.
 */
export async function erasePerson(
  db: Database,
  target: ErasureTarget,
  by: ErasedBy,
  reason: EraseReason,
  options: { stillDue?: (tx: Database) => Promise<boolean> } = {},
): Promise<boolean> {
  const erased = await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    // the retention purge re-checks, under a row lock, that nothing happened since it decided
    if (options.stillDue && !(await options.stillDue(tx))) return null;
    const p = await findPerson(tx, target);
    if (!p) return null;
    // ids of what belongs to them, which audit rows may point at
    const related = p.profileId
      ? await queryRows<{ id: string }>(
          tx,
          sql`select id::text as id from applications where profile_id = ${p.profileId}::uuid
              union all select id::text from proposals where profile_id = ${p.profileId}::uuid
              union all select id::text from placements where profile_id = ${p.profileId}::uuid
              union all select c.id::text from check_ins c join placements pl on pl.id = c.placement_id where pl.profile_id = ${p.profileId}::uuid
              union all select id::text from adviser_notes where profile_id = ${p.profileId}::uuid`,
        )
      : [];
    const ownIds = [p.profileId, p.userId].filter((x): x is string => !!x);
    const subjectIds = [...ownIds, ...related.map((r) => String(r.id))];
    const needles = [...ownIds, ...p.emails, ...(p.phone && p.phone.length >= 6 ? [p.phone] : []), ...(p.externalId ? [p.externalId] : [])];
    const names: [string, string] | null = p.firstName.length >= 2 && p.lastName.length >= 2 ? [p.firstName, p.lastName] : null;

    // each module removes or anonymises what it keeps of them (in this order, in this transaction)
    await eraseNotificationsOf(tx, { userId: p.userId, profileId: p.profileId, emails: p.emails, needles, names });
    await anonymiseAuditOf(tx, { userId: p.userId, subjectIds, needles, names });
    await eraseRateLimitHitsOf(tx, [...ownIds, ...p.emails], p.profileId ? quotaItem(p.profileId) : null);
    await eraseSignInAttemptsOf(tx, p.emails);
    if (p.profileId) {
      await eraseOfferViewsOf(tx, p.profileId);
      await deleteProfile(tx, p.profileId);
    }
    if (p.userId) {
      await forgetAsAuthor(tx, p.userId);
      await deleteUser(tx, p.userId);
    }

    await recordAudit(tx, {
      actorId: by.kind === "staff" ? by.actor.id : null,
      action: "person.erased",
      subjectType: "profile",
      subjectId: null,
      details: {
        reason,
        erasedBy: by.kind === "staff" ? by.actor.role : by.kind,
        role: p.role,
        territoryCode: p.territoryCode,
      },
    });
    return p;
  });
  if (!erased) return false;
  if (erased.profileId) await dropErasedProfile(db, erased.profileId);
  return true;
}

/**
 * Their id in the "who did it" columns of any table (created_by, updated_by, added_by… a
 * recruiter who added a colleague, saved an offer…) becomes null. The columns are found in the
 * database's catalogue, so that a new one is never forgotten: the one write of this module to
 * other modules' tables, on purpose.
 */
async function forgetAsAuthor(tx: Database, userId: string): Promise<void> {
  const byColumns = await queryRows<{ table_name: string; column_name: string }>(
    tx,
    sql`select table_name, column_name from information_schema.columns
        where table_schema = 'public' and data_type = 'uuid' and is_nullable = 'YES'
          and column_name in ('created_by', 'updated_by', 'added_by', 'recorded_by', 'provider_user_id')`,
  );
  for (const c of byColumns) {
    await tx.execute(
      sql`update ${sql.identifier(c.table_name)} set ${sql.identifier(c.column_name)} = null where ${sql.identifier(c.column_name)} = ${userId}::uuid`,
    );
  }
}

/**
 * The person erases their own account (beneficiary, employer or training organisation). The
 * password is asked again so that a borrowed phone cannot erase someone.
 */
export async function eraseOwnAccount(db: Database, userId: string, password: string): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || !(await verifyPassword(password, user.passwordHash))) {
    throw new FieldErrors({ password: ["Mot de passe incorrect."] });
  }
  await erasePerson(db, { userId }, { kind: "self" }, "own_request");
}

const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "Personne introuvable." });

/**
 * What an adviser or an admin may erase. An adviser: a person they follow who has no account
 * of their own yet (imported, or created by an adviser and never activated). An admin: any
 * person with a profile. Anyone else, or a person out of the adviser's reach, answers NOT_FOUND.
 */
export async function erasableByStaff(db: Database, actor: SessionUser, profileId: string) {
  const rows = await queryRows<{ id: string; adviser_id: string | null; user_id: string | null; account_status: string | null }>(
    db,
    sql`select p.id, p.adviser_id, p.user_id, u.status as account_status
        from beneficiary_profiles p left join users u on u.id = p.user_id
        where p.id = ${profileId}::uuid`,
  );
  const p = rows[0];
  if (!p) throw notFound();
  if (actor.role === "admin") return { profileId: p.id, hasAccount: p.account_status === "active" };
  if (actor.role !== "adviser" || p.adviser_id !== actor.id) throw notFound();
  if (p.account_status === "active") {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "Cette personne a un compte : elle peut l'effacer elle-même (page « Mes données »), ou demandez-le à un administrateur.",
    });
  }
  return { profileId: p.id, hasAccount: false };
}

/** An adviser or an admin erases a person, with a reason (audited). */
export async function erasePersonByStaff(db: Database, actor: SessionUser, profileId: string, reason: EraseReason): Promise<void> {
  await erasableByStaff(db, actor, profileId);
  const done = await erasePerson(db, { profileId }, { kind: "staff", actor }, reason);
  if (!done) throw notFound();
}
