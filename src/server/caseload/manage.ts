import { TRPCError } from "@trpc/server";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { users } from "../auth/schema";
import { queryRows, type Database } from "../db/client";
import { adviserNotes } from "./schema";
import { setAdviser, takeIfUnassigned } from "../profiles/assign";
import { beneficiaryProfiles } from "../profiles/schema";
import { FieldErrors } from "../lib/field-errors";
import type { SessionUser } from "../trpc/context";

const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "Profil introuvable." });

/**
 * An adviser takes an unassigned person of their territory into their caseload. One atomic
 * update guarded by "still nobody's": of two advisers clicking at once, only one wins.
 */
export async function takeProfile(db: Database, adviser: SessionUser, profileId: string): Promise<{ profileId: string }> {
  if (adviser.territoryCode === null) throw notFound();
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    const taken = await takeIfUnassigned(t, profileId, adviser.id, adviser.territoryCode!);
    if (!taken) {
      const [p] = await t
        .select({ adviserId: beneficiaryProfiles.adviserId, territoryCode: beneficiaryProfiles.territoryCode })
        .from(beneficiaryProfiles)
        .where(eq(beneficiaryProfiles.id, profileId))
        .limit(1);
      if (p && p.adviserId === adviser.id) return { profileId };
      // taken by someone else meanwhile: say so, but only to an adviser of that territory
      if (p && p.territoryCode === adviser.territoryCode) {
        throw new TRPCError({ code: "CONFLICT", message: "Cette personne vient d'être prise en charge par un autre conseiller." });
      }
      throw notFound();
    }
    await recordAudit(t, { actorId: adviser.id, action: "profile.take", subjectType: "profile", subjectId: profileId });
    return { profileId };
  });
}

/** People are given only to an active adviser account (null: back among the unassigned). */
async function requireActiveAdviser(db: Database, adviserId: string | null) {
  if (!adviserId) return;
  const [a] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, adviserId), eq(users.role, "adviser"), eq(users.status, "active")))
    .limit(1);
  if (!a) throw new FieldErrors({ adviserId: ["Choisissez un conseiller actif."] });
}

/** An admin gives a person to an adviser (or, with null, puts them back among the unassigned). */
export async function assignProfile(db: Database, actorId: string, profileId: string, adviserId: string | null) {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    await requireActiveAdviser(t, adviserId);
    const [before] = await t
      .select({ adviserId: beneficiaryProfiles.adviserId })
      .from(beneficiaryProfiles)
      .where(eq(beneficiaryProfiles.id, profileId))
      .limit(1);
    if (!before) throw notFound();
    await setAdviser(t, [profileId], adviserId);
    await recordAudit(t, {
      actorId,
      action: "profile.assign",
      subjectType: "profile",
      subjectId: profileId,
      details: { from: before.adviserId, to: adviserId },
    });
    return { profileId, adviserId };
  });
}

/** The most people one bulk assignment may move. */
export const MAX_BULK_ASSIGN = 500;

/**
 * An admin gives many people to one adviser (or puts them back among the unassigned), all or
 * nothing: an unknown id or a target that is not an active adviser writes nothing. Each
 * person's move is audited like a single assignment.
 */
export async function assignProfiles(db: Database, actorId: string, profileIds: string[], adviserId: string | null) {
  const ids = [...new Set(profileIds)];
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    await requireActiveAdviser(t, adviserId);
    // Locked so that two admins moving the same people do not record a stale "from".
    const before = await t
      .select({ id: beneficiaryProfiles.id, adviserId: beneficiaryProfiles.adviserId })
      .from(beneficiaryProfiles)
      .where(inArray(beneficiaryProfiles.id, ids))
      .for("update");
    if (before.length !== ids.length) {
      const found = new Set(before.map((b) => b.id));
      const missing = ids.filter((id) => !found.has(id)).length;
      throw new FieldErrors({
        profileIds: [
          `${missing} personne${missing > 1 ? "s" : ""} de la sélection n'existe${missing > 1 ? "nt" : ""} plus : rechargez la page. Aucune affectation n'a été faite.`,
        ],
      });
    }
    const moved = before.filter((b) => b.adviserId !== adviserId);
    await setAdviser(t, moved.map((b) => b.id), adviserId);
    for (const b of moved) {
      await recordAudit(t, {
        actorId,
        action: "profile.assign",
        subjectType: "profile",
        subjectId: b.id,
        details: { from: b.adviserId, to: adviserId, bulk: true },
      });
    }
    return { adviserId, assigned: moved.length, unchanged: ids.length - moved.length };
  });
}

export type AdviserCount = {
  adviserId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  territoryCode: string | null;
  status: "active" | "pending" | "disabled";
  active: number;
  archived: number;
};

/** Every adviser with the size of their caseload (active and archived people). */
export async function countsByAdviser(db: Database): Promise<AdviserCount[]> {
  const rows = await queryRows<{
    id: string;
    first_name: string;
    last_name: string;
    email: string | null;
    territory_code: string | null;
    status: AdviserCount["status"];
    active: number;
    archived: number;
  }>(
    db,
    sql`select u.id, u.first_name, u.last_name, u.email, u.territory_code, u.status,
          (count(p.id) filter (where p.status = 'active'))::int as active,
          (count(p.id) filter (where p.status = 'archived'))::int as archived
        from users u left join beneficiary_profiles p on p.adviser_id = u.id
        where u.role = 'adviser'
        group by u.id
        order by lower(u.last_name), lower(u.first_name), u.id`,
  );
  return rows.map((r) => ({
    adviserId: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    territoryCode: r.territory_code,
    status: r.status,
    active: Number(r.active),
    archived: Number(r.archived),
  }));
}

/** People without an adviser, per territory (for admins). */
export async function unassignedCounts(db: Database): Promise<Array<{ territoryCode: string | null; count: number }>> {
  const rows = await queryRows<{ territory_code: string | null; count: number }>(
    db,
    sql`select territory_code, count(*)::int as count from beneficiary_profiles
        where adviser_id is null and status = 'active' group by territory_code order by territory_code nulls last`,
  );
  return rows.map((r) => ({ territoryCode: r.territory_code, count: Number(r.count) }));
}

export type AdviserNote = { id: string; body: string; createdAt: Date; authorId: string; authorName: string };

/** An adviser's private note on a person (advisers and admins only; never in employer views). */
export async function addNote(db: Database, authorId: string, profileId: string, body: string): Promise<AdviserNote> {
  const [note] = await db.insert(adviserNotes).values({ profileId, authorId, body }).returning();
  const [author] = await db.select({ firstName: users.firstName, lastName: users.lastName }).from(users).where(eq(users.id, authorId));
  return {
    id: note!.id,
    body: note!.body,
    createdAt: note!.createdAt,
    authorId,
    authorName: author ? `${author.firstName} ${author.lastName}`.trim() : "",
  };
}

export async function notesOf(db: Database, profileId: string): Promise<AdviserNote[]> {
  const rows = await db
    .select({
      id: adviserNotes.id,
      body: adviserNotes.body,
      createdAt: adviserNotes.createdAt,
      authorId: adviserNotes.authorId,
      firstName: users.firstName,
      lastName: users.lastName,
    })
    .from(adviserNotes)
    .leftJoin(users, eq(users.id, adviserNotes.authorId))
    .where(eq(adviserNotes.profileId, profileId))
    .orderBy(desc(adviserNotes.createdAt), asc(adviserNotes.id));
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    createdAt: r.createdAt,
    authorId: r.authorId,
    authorName: `${r.firstName ?? ""} ${r.lastName ?? ""}`.trim(),
  }));
}

/** Names of some users (advisers, authors), by id. */
export async function userNames(db: Database, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, `${r.firstName} ${r.lastName}`.trim()]));
}
