// The follow-up of placements: recording check-ins, the adviser's due lists and figures.
// Every function takes "today" (YYYY-MM-DD, in the instance's time zone) so tests and the CLI can run it
// for any date.

import { and, asc, eq, gt, inArray, or, sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { recordAudit } from "../audit/record";
import { loadInstanceConfig } from "../config/config";
import { organisations } from "../organisations/schema";
import { checkIns, placements, type CheckInStatus } from "./schema";
import { profileCompletenessSql } from "../profiles/completeness-sql";
import type { SessionUser } from "../trpc/context";
import { FieldErrors } from "../lib/field-errors";
import { caseloadProfile, checkInForCaller } from "./access";
import type { RecordCheckInInput } from "./inputs";
import { medianDaysToFirstHire, retention, type RetentionFigure } from "./retention";
import { instanceTimeZone, instanceToday } from "../config/time-zone";
import { addDays, daysBetween, type IsoDate } from "../../lib/dates";
import { employerAnswersOf, type EmployerAnswer } from "./employer-check-ins";
import { canRecordOutcome, checkInState, DUE_WINDOW_DAYS, type CheckInState } from "./schedule";

type ExitReason = { code: string; label: string };
const exitReasonsOfInstance = (): ExitReason[] => loadInstanceConfig().exitReasons;

const frDate = (d: IsoDate) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/**
 * Records a check-in: "in_post", "unreachable" (from the week it falls due), or "ended" (at
 * any time; a reason code of the instance's exitReasons is required; the end date defaults
 * to today). "ended" also ends the placement (status, endedOn, endReason) and cancels its
 * later pending check-ins (and any earlier one falling after the end date), all in one
 * transaction. A check-in already recorded or cancelled is refused.
 */
export async function recordCheckIn(
  db: Database,
  actor: SessionUser,
  input: RecordCheckInInput,
  today: IsoDate = instanceToday(),
  exitReasons: ExitReason[] = exitReasonsOfInstance(),
): Promise<{ id: string; status: CheckInStatus; cancelled: number }> {
  const c = await checkInForCaller(db, actor, input.checkInId);
  if (c.status === "cancelled") throw new FieldErrors({ _: ["Ce point de suivi est annulé : l'emploi avait déjà pris fin."] });
  if (c.status !== "pending") throw new FieldErrors({ _: ["Ce point de suivi est déjà enregistré."] });

  const errors: Record<string, string[]> = {};
  let endedOn: IsoDate | null = null;
  let endReason: string | null = null;
  if (input.outcome === "ended") {
    endReason = input.endReason?.trim() || null;
    if (!endReason) errors.endReason = ["Choisissez la raison de la fin du contrat."];
    else if (!exitReasons.some((r) => r.code === endReason)) errors.endReason = ["Cette raison n'est pas dans la liste."];
    endedOn = input.endedOn ?? today;
    if (endedOn > today) errors.endedOn = ["La date de fin ne peut pas être dans le futur."];
    else if (endedOn < c.startsOn) errors.endedOn = [`La date de fin ne peut pas précéder le début du contrat (${frDate(c.startsOn)}).`];
  } else if (!canRecordOutcome(c, input.outcome, today)) {
    errors.outcome = [
      `Ce point de suivi est prévu le ${frDate(c.dueOn)} : vous pourrez le remplir à partir du ${frDate(addDays(c.dueOn, -(DUE_WINDOW_DAYS - 1)))}.`,
    ];
  }
  if (Object.keys(errors).length) throw new FieldErrors(errors);

  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const [row] = await tx
      .update(checkIns)
      .set({ status: input.outcome, endReason, note: input.note?.trim() || null, recordedAt: new Date(), recordedBy: actor.id })
      .where(and(eq(checkIns.id, c.id), eq(checkIns.status, "pending")))
      .returning({ id: checkIns.id });
    // recorded by someone else in between
    if (!row) throw new FieldErrors({ _: ["Ce point de suivi vient d'être enregistré : rechargez la page."] });
    let cancelled = 0;
    if (input.outcome === "ended") {
      await tx
        .update(placements)
        .set({ status: "ended", endedOn, endReason })
        .where(and(eq(placements.id, c.placementId), eq(placements.status, "active")));
      const gone = await tx
        .update(checkIns)
        .set({ status: "cancelled" })
        .where(
          and(
            eq(checkIns.placementId, c.placementId),
            eq(checkIns.status, "pending"),
            or(gt(checkIns.monthsAfter, c.monthsAfter), gt(checkIns.dueOn, endedOn!)),
          ),
        )
        .returning({ id: checkIns.id });
      cancelled = gone.length;
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "checkin.record",
      subjectType: "check_in",
      subjectId: c.id,
      details: { placementId: c.placementId, profileId: c.profileId, monthsAfter: c.monthsAfter, outcome: input.outcome, endReason, endedOn, cancelled },
    });
    return { id: c.id, status: input.outcome, cancelled };
  });
}

export type DueItem = {
  checkInId: string;
  monthsAfter: number;
  dueOn: IsoDate;
  /** days past the due date (0 or less when not late) */
  daysLate: number;
  placementId: string;
  jobTitle: string;
  employerName: string | null;
  startsOn: IsoDate;
  profileId: string;
  firstName: string;
  lastName: string;
  /** the company's answer by its check-in link, shown beside (the adviser's check-in counts) */
  employerAnswer: EmployerAnswer | null;
};

/** Whose people: one adviser's caseload, or everyone (admins). */
export type Scope = { adviserId: string } | { all: true };
const caseloadSql = (scope: Scope) => ("adviserId" in scope ? sql`p.adviser_id = ${scope.adviserId}::uuid` : sql`true`);

/**
 * The pending check-ins of the caseload: "dueThisWeek" (due today to today + 6 days) and
 * "overdue" (due before today, oldest first).
 */
export async function dueLists(db: Database, scope: Scope, today: IsoDate): Promise<{ dueThisWeek: DueItem[]; overdue: DueItem[] }> {
  const until = addDays(today, DUE_WINDOW_DAYS - 1);
  const rows = await queryRows<{
    check_in_id: string;
    months_after: number;
    due_on: string;
    placement_id: string;
    job_title: string;
    employer_name: string | null;
    starts_on: string;
    profile_id: string;
    first_name: string;
    last_name: string;
  }>(
    db,
    sql`select c.id as check_in_id, c.months_after::int as months_after, c.due_on::text as due_on,
        pl.id as placement_id, pl.job_title, coalesce(pl.employer_name, e.name) as employer_name, pl.starts_on::text as starts_on,
        p.id as profile_id, p.first_name, p.last_name
      from check_ins c
      join placements pl on pl.id = c.placement_id
      join beneficiary_profiles p on p.id = pl.profile_id
      left join employers e on e.id = pl.employer_id
      where c.status = 'pending' and c.due_on <= ${until}::date and ${caseloadSql(scope)}
      order by c.due_on, p.last_name, p.first_name, c.months_after`,
  );
  const answers = await employerAnswersOf(db, rows.map((r) => String(r.check_in_id)));
  const items: DueItem[] = rows.map((r) => ({
    checkInId: String(r.check_in_id),
    monthsAfter: Number(r.months_after),
    dueOn: r.due_on,
    daysLate: daysBetween(r.due_on, today),
    placementId: String(r.placement_id),
    jobTitle: r.job_title,
    employerName: r.employer_name,
    startsOn: r.starts_on,
    profileId: String(r.profile_id),
    firstName: r.first_name,
    lastName: r.last_name,
    employerAnswer: answers.get(String(r.check_in_id)) ?? null,
  }));
  return { dueThisWeek: items.filter((i) => i.dueOn >= today), overdue: items.filter((i) => i.dueOn < today) };
}

export type AdviserFigures = {
  today: IsoDate;
  caseload: number;
  completeCv: number;
  proposals: number;
  hires: number;
  retention: RetentionFigure[];
  medianDaysToFirstHire: number | null;
};

/**
 * An adviser's figures (or the whole département's for { all: true }): people followed
 * (active profiles of the caseload), those whose CV is complete (100 % on the completeness
 * bar, see profiles/completeness.ts), offers proposed by the adviser(s), hires (placements of
 * the caseload's people), retention at 1, 3 and 6 months (see retention.ts) and the median
 * days from sign-up (the earlier of the profile's and the account's creation) to the first
 * hire's start date.
 */
export async function adviserFigures(db: Database, scope: Scope, today: IsoDate): Promise<AdviserFigures> {
  const people = await queryRows<{
    id: string;
    complete_cv: boolean;
    signed_up_on: string;
  }>(
    db,
    sql`select p.id, ${profileCompletenessSql("p")} = 100 as complete_cv,
        (least(p.created_at, coalesce(u.created_at, p.created_at)) at time zone ${instanceTimeZone()}::text)::date::text as signed_up_on
      from beneficiary_profiles p
      left join users u on u.id = p.user_id
      where p.status = 'active' and ${"adviserId" in scope ? sql`p.adviser_id = ${scope.adviserId}::uuid` : sql`p.adviser_id is not null`}`,
  );
  const completeCv = people.filter((p) => p.complete_cv === true).length;

  const [proposalRow] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from proposals where from_kind = 'adviser'
      ${"adviserId" in scope ? sql`and from_user_id = ${scope.adviserId}::uuid` : sql``}`,
  );

  const placementRows = await queryRows<{ id: string; profile_id: string; starts_on: string; ended_on: string | null }>(
    db,
    sql`select pl.id, pl.profile_id, pl.starts_on::text as starts_on, pl.ended_on::text as ended_on
      from placements pl join beneficiary_profiles p on p.id = pl.profile_id
      where ${caseloadSql(scope)}`,
  );
  const ids = placementRows.map((p) => String(p.id));
  const checkInRows = ids.length
    ? await db
        .select({ placementId: checkIns.placementId, monthsAfter: checkIns.monthsAfter, dueOn: checkIns.dueOn, status: checkIns.status })
        .from(checkIns)
        .where(inArray(checkIns.placementId, ids))
    : [];
  const byPlacement = new Map<string, typeof checkInRows>();
  for (const c of checkInRows) (byPlacement.get(c.placementId) ?? byPlacement.set(c.placementId, []).get(c.placementId)!).push(c);

  const firstHire = new Map<string, string>();
  for (const p of placementRows) {
    const k = String(p.profile_id);
    const cur = firstHire.get(k);
    if (!cur || p.starts_on < cur) firstHire.set(k, p.starts_on);
  }
  const signedUp = new Map(people.map((p) => [String(p.id), p.signed_up_on]));

  return {
    today,
    caseload: people.length,
    completeCv,
    proposals: Number(proposalRow?.n ?? 0),
    hires: placementRows.length,
    retention: retention(
      placementRows.map((p) => ({ startsOn: p.starts_on, endedOn: p.ended_on, checkIns: byPlacement.get(String(p.id)) ?? [] })),
      today,
    ),
    medianDaysToFirstHire: medianDaysToFirstHire(
      [...firstHire].filter(([profileId]) => signedUp.has(profileId)).map(([profileId, firstHireOn]) => ({ signedUpOn: signedUp.get(profileId)!, firstHireOn })),
    ),
  };
}

export type PlacementView = {
  id: string;
  source: "employer" | "adviser";
  employerName: string | null;
  jobTitle: string;
  romeCode: string | null;
  contract: string | null;
  hoursPerWeek: number | null;
  startsOn: IsoDate;
  status: "active" | "ended";
  endedOn: IsoDate | null;
  endReason: string | null;
  endReasonLabel: string | null;
  checkIns: Array<{
    id: string;
    monthsAfter: number;
    dueOn: IsoDate;
    status: CheckInStatus;
    state: CheckInState;
    endReasonLabel: string | null;
    note: string | null;
    recordedAt: Date | null;
    /** the company's answer by its check-in link, shown beside (the adviser's check-in counts) */
    employerAnswer: EmployerAnswer | null;
  }>;
};

/** A person's placements (newest first) with their check-ins and where each stands today. */
export async function placementsOfProfile(
  db: Database,
  actor: SessionUser,
  profileId: string,
  today: IsoDate = instanceToday(),
  exitReasons: ExitReason[] = exitReasonsOfInstance(),
): Promise<{ profile: { id: string; firstName: string; lastName: string }; placements: PlacementView[]; exitReasons: ExitReason[] }> {
  const profile = await caseloadProfile(db, actor, profileId);
  const label = (code: string | null) => (code ? (exitReasons.find((r) => r.code === code)?.label ?? code) : null);
  const rows = await db
    .select({
      id: placements.id,
      source: placements.source,
      employerName: sql<string | null>`coalesce(${placements.employerName}, ${organisations.name})`,
      jobTitle: placements.jobTitle,
      romeCode: placements.romeCode,
      contract: placements.contract,
      hoursPerWeek: placements.hoursPerWeek,
      startsOn: placements.startsOn,
      status: placements.status,
      endedOn: placements.endedOn,
      endReason: placements.endReason,
    })
    .from(placements)
    .leftJoin(organisations, eq(organisations.id, placements.employerId))
    .where(eq(placements.profileId, profile.id))
    .orderBy(sql`${placements.startsOn} desc`, sql`${placements.createdAt} desc`);
  const cis = rows.length
    ? await db
        .select()
        .from(checkIns)
        .where(
          inArray(
            checkIns.placementId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(checkIns.monthsAfter))
    : [];
  const answers = await employerAnswersOf(db, cis.map((c) => c.id));
  return {
    profile: { id: profile.id, firstName: profile.firstName, lastName: profile.lastName },
    exitReasons,
    placements: rows.map((r) => ({
      ...r,
      endReasonLabel: label(r.endReason),
      checkIns: cis
        .filter((c) => c.placementId === r.id)
        .map((c) => ({
          id: c.id,
          monthsAfter: c.monthsAfter,
          dueOn: c.dueOn,
          status: c.status,
          state: checkInState(c, today),
          endReasonLabel: label(c.endReason),
          note: c.note,
          recordedAt: c.recordedAt,
          employerAnswer: answers.get(c.id) ?? null,
        })),
    })),
  };
}
