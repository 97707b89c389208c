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
import { eq, sql, type SQL } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { users, type Role } from "../auth/schema";
import { verifyPassword } from "../auth/password";
import { queryRows, type Database } from "../db/client";
import { beneficiaryProfiles } from "../profiles/schema";
import { quotaItem } from "../recruiting/quota";
import { searchEngine } from "../search/engine";
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

/** A regular expression matching `word` as a whole word (between spaces, punctuation or the ends). */
export function wholeWord(word: string): string {
  const escaped = word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return `(^|[[:space:][:punct:]])${escaped}([[:space:][:punct:]]|$)`;
}

/**
 * `col` (as text) holds one of the needles (ids, e-mail, phone: as substrings), or both names
 * as whole words (so that "Léa Roy" does not match "please" and "Troyes"), case-insensitive.
 */
function mentions(col: SQL, needles: string[], names: [string, string] | null): SQL {
  const parts = needles.map((n) => sql`strpos(lower(${col}), ${n.toLowerCase()}) > 0`);
  if (names) parts.push(sql`(lower(${col}) ~ ${wholeWord(names[0])} and lower(${col}) ~ ${wholeWord(names[1])})`);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

const inText = (col: SQL, values: string[]): SQL => (values.length ? sql`${col} in (${sql.join(values.map((v) => sql`${v}`), sql`, `)})` : sql`false`);

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

    // notifications and e-mails to them or about them
    await tx.execute(sql`delete from notifications
      where ${p.userId ? sql`user_id = ${p.userId}::uuid or` : sql``}
        ${p.profileId ? sql`about_profile_id = ${p.profileId}::uuid or` : sql``}
        ${mentions(sql`concat_ws(' ', title, body, link)`, needles, names)}`);
    await tx.execute(sql`delete from email_outbox
      where ${inText(sql`lower(to_address)`, p.emails)}
        ${p.profileId ? sql`or about_profile_id = ${p.profileId}::uuid` : sql``}
        or ${mentions(sql`concat_ws(' ', subject, body)`, needles, names)}`);

    // the audit trail keeps what happened, who did it and when, never who it was about
    await tx.execute(sql`update audit_events set
        subject_id = case when ${inText(sql`subject_id`, subjectIds)} then null else subject_id end,
        actor_id = case when ${inText(sql`actor_id::text`, p.userId ? [p.userId] : [])} then null else actor_id end,
        details = case when ${mentions(sql`details::text`, [...needles, ...subjectIds], names)} then '{"erased": true}'::jsonb else details end
      where ${inText(sql`subject_id`, subjectIds)}
         or ${inText(sql`actor_id::text`, p.userId ? [p.userId] : [])}
         or ${mentions(sql`details::text`, [...needles, ...subjectIds], names)}`);

    // counters and traces keyed by them
    const keys = [...ownIds, ...p.emails];
    if (keys.length) await tx.execute(sql`delete from rate_limit_hits where ${inText(sql`lower(key)`, keys.map((k) => k.toLowerCase()))}`);
    // organisations' candidate quotas count the person under a keyed digest of their profile id
    if (p.profileId) await tx.execute(sql`delete from rate_limit_hits where item = ${quotaItem(p.profileId)}`);
    if (p.emails.length) await tx.execute(sql`delete from sign_in_attempts where ${inText(sql`lower(email)`, p.emails)}`);
    if (p.profileId) {
      await tx.execute(sql`delete from offer_views where profile_id = ${p.profileId}::uuid`);
      // cascades: jobs, formations, match points, applications, proposals, placements, check-ins, notes; search trigger
      await tx.delete(beneficiaryProfiles).where(eq(beneficiaryProfiles.id, p.profileId));
    }
    if (p.userId) {
      // "who did it" columns that may hold their id (a recruiter who added a colleague, saved an offer…)
      const byColumns = await queryRows<{ table_name: string; column_name: string }>(
        tx,
        sql`select table_name, column_name from information_schema.columns
            where table_schema = 'public' and data_type = 'uuid' and is_nullable = 'YES'
              and column_name in ('created_by', 'updated_by', 'added_by', 'recorded_by', 'provider_user_id')`,
      );
      for (const c of byColumns) {
        await tx.execute(
          sql`update ${sql.identifier(c.table_name)} set ${sql.identifier(c.column_name)} = null where ${sql.identifier(c.column_name)} = ${p.userId}::uuid`,
        );
      }
      await tx.delete(users).where(eq(users.id, p.userId)); // cascades: access codes, notifications, memberships
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
  if (erased.profileId) await dropFromSearchIndex(db, erased.profileId);
  return true;
}

/**
 * The profile's search document left PostgreSQL with the row (trigger); the trigger also queued
 * its id so that Meilisearch drops it. Do it now rather than at the search job's next run, and
 * clear the queue row, so the id stays nowhere. If Meilisearch is down, the row stays queued
 * and the search job retries (the id then lives only there until the index has dropped it).
 */
async function dropFromSearchIndex(db: Database, profileId: string): Promise<void> {
  try {
    const engine = await searchEngine(db);
    await engine.sync("profiles", [profileId]);
    await db.execute(sql`delete from search_queue where kind = 'profiles' and entity_id = ${profileId}::uuid`);
  } catch (err) {
    console.error(`[données] l'index de recherche garde la personne effacée jusqu'au prochain essai : ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
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
