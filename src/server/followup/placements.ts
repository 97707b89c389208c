import { and, eq, sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { recordAudit } from "../audit/record";
import { caseloadProfile } from "./access";
import { instanceToday } from "../config/time-zone";
import { addMonths, type IsoDate } from "../../lib/dates";
import { checkInSchedule } from "./schedule";
import { organisations } from "../organisations/schema";
import type { SessionUser } from "../trpc/context";
import { FieldErrors } from "../lib/field-errors";
import type { CreatePlacementInput } from "./placement-inputs";
import { checkIns, placements } from "./schema";

/**
 * Creates the +1, +3 and +6 month check-ins of a placement (pending). Idempotent: a
 * check-in that already exists is left as it is. Call it in the placement's transaction.
 */
export async function createCheckIns(db: Database, placementId: string, startsOn: IsoDate): Promise<void> {
  await db
    .insert(checkIns)
    .values(checkInSchedule(startsOn).map((c) => ({ placementId, monthsAfter: c.monthsAfter, dueOn: c.dueOn })))
    .onConflictDoNothing();
}

/**
 * Records the placement an application marked "hired" leads to: the person, the company, the
 * offer's job and contract, the adviser following the person at this moment (who will follow
 * the job's first six months), starting on the offer's start date or today (Paris) if that
 * is past, with its three check-ins. One placement per application: calling it again returns
 * the existing one. Call it in the same transaction as the status change.
 */
export async function createPlacementForApplication(
  db: Database,
  applicationId: string,
  createdBy: string | null,
  today: IsoDate = instanceToday(),
  /** the start date the employer gave; without it, the offer's start date or today */
  startsOn: IsoDate | null = null,
): Promise<{ id: string; created: boolean }> {
  const rows = await queryRows<{ id: string; starts_on: string | Date }>(
    db,
    sql`insert into placements (profile_id, employer_id, offer_id, application_id, adviser_id, territory_code, job_title,
        rome_code, contract, starts_on, created_by)
      select a.profile_id, o.employer_id, o.id, a.id, p.adviser_id, p.territory_code, o.title, o.rome_code, o.contract,
        coalesce(${startsOn}::date, greatest(o.starts_on, ${today}::date)), ${createdBy}::uuid
      from applications a
      join offers o on o.id = a.offer_id
      join beneficiary_profiles p on p.id = a.profile_id
      where a.id = ${applicationId}::uuid
      on conflict (application_id) do nothing
      returning id, starts_on::text as starts_on`,
  );
  if (rows[0]) {
    const id = String(rows[0].id);
    await createCheckIns(db, id, String(rows[0].starts_on).slice(0, 10));
    return { id, created: true };
  }
  const [existing] = await db.select({ id: placements.id }).from(placements).where(eq(placements.applicationId, applicationId)).limit(1);
  if (!existing) throw new Error(`application ${applicationId} is not an offer's application`);
  return { id: existing.id, created: false };
}

/**
 * The placement an application's hire created, removed with its check-ins (and the employer's
 * check-in links with them) when the employer undoes the hire. Refused once the follow-up has
 * begun: a check-in recorded or the job ended. Returns the removed placement, or null if none.
 */
export async function removePlacementOfApplication(
  db: Database,
  applicationId: string,
): Promise<{ id: string; createdAt: Date } | null> {
  const [p] = await db
    .select({ id: placements.id, status: placements.status, createdAt: placements.createdAt })
    .from(placements)
    .where(eq(placements.applicationId, applicationId))
    .limit(1);
  if (!p) return null;
  const recorded = await db
    .select({ id: checkIns.id })
    .from(checkIns)
    .where(and(eq(checkIns.placementId, p.id), sql`${checkIns.status} <> 'pending'`))
    .limit(1);
  if (p.status !== "active" || recorded.length) {
    throw new FieldErrors({ _: ["Le suivi de cette embauche a déjà commencé : elle ne peut plus être annulée. Prévenez le conseiller qui suit la personne."] });
  }
  await db.delete(checkIns).where(eq(checkIns.placementId, p.id));
  await db.delete(placements).where(eq(placements.id, p.id));
  return { id: p.id, createdAt: p.createdAt };
}

/** When the placement of an application's hire was recorded (null without one). */
export async function placementOfApplication(db: Database, applicationId: string): Promise<{ id: string; createdAt: Date; startsOn: string } | null> {
  const [p] = await db
    .select({ id: placements.id, createdAt: placements.createdAt, startsOn: placements.startsOn })
    .from(placements)
    .where(eq(placements.applicationId, applicationId))
    .limit(1);
  return p ?? null;
}

/** How far back or ahead a hand-recorded start date may be. */
const MAX_YEARS_BACK = 5;
const MAX_MONTHS_AHEAD = 12;

/**
 * An adviser records a hire by hand for a person of their caseload (an admin for anyone):
 * the placement (source "adviser") and its three check-ins in one transaction, audited.
 * A start date in the past is accepted (e.g. seven months ago): the check-ins whose date has
 * passed are at once due or overdue.
 */
export async function createPlacementByAdviser(
  db: Database,
  actor: SessionUser,
  input: CreatePlacementInput,
  today: IsoDate = instanceToday(),
): Promise<{ id: string }> {
  const profile = await caseloadProfile(db, actor, input.profileId);
  const errors: Record<string, string[]> = {};
  if (input.startsOn < addMonths(today, -12 * MAX_YEARS_BACK)) {
    errors.startsOn = [`La date de début ne peut pas remonter à plus de ${MAX_YEARS_BACK} ans.`];
  } else if (input.startsOn > addMonths(today, MAX_MONTHS_AHEAD)) {
    errors.startsOn = ["La date de début ne peut pas dépasser un an à venir."];
  }
  let employerName = input.employerName?.trim() || null;
  let employerId: string | null = null;
  if (input.employerId) {
    const [e] = await db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(and(eq(organisations.id, input.employerId), eq(organisations.kind, "company")))
      .limit(1);
    if (!e) errors.employerId = ["Cette entreprise est introuvable : choisissez-la dans la liste ou écrivez son nom."];
    else {
      employerId = e.id;
      employerName ??= e.name;
    }
  }
  if (Object.keys(errors).length) throw new FieldErrors(errors);

  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const [row] = await tx
      .insert(placements)
      .values({
        profileId: profile.id,
        employerId,
        employerName,
        source: "adviser",
        adviserId: profile.adviserId ?? (actor.role === "adviser" ? actor.id : null),
        territoryCode: profile.territoryCode,
        jobTitle: input.jobTitle,
        romeCode: input.romeCode ?? null,
        contract: input.contract,
        hoursPerWeek: input.hoursPerWeek ?? null,
        startsOn: input.startsOn,
        createdBy: actor.id,
      })
      .returning({ id: placements.id });
    await createCheckIns(tx, row!.id, input.startsOn);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "placement.create",
      subjectType: "placement",
      subjectId: row!.id,
      details: { profileId: profile.id, employerId, employerName, startsOn: input.startsOn, source: "adviser" },
    });
    return { id: row!.id };
  });
}
