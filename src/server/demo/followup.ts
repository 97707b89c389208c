import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { createProposal } from "../applications/domain";
import { proposals } from "../applications/schema";
import { users } from "../auth/schema";
import { recordCheckIn } from "../followup/checkins";
import { addDays, addMonths, type IsoDate } from "../../lib/dates";
import type { InstanceConfig } from "../config/config";
import { matchOffersForBeneficiary } from "../matching/queries";
import { createPlacementByAdviser } from "../followup/placements";
import { checkIns, placements } from "../followup/schema";
import type { SessionUser } from "../trpc/context";

/**
 * One placement of each follow-up stage per adviser: just started, first check-in due this
 * week, check-ins overdue, retained at six months, ended early. Months are counted back from
 * `today` so the stages hold on any day the demo is seeded.
 */
const STAGES: Array<{
  job: string;
  employer: string;
  start: (today: IsoDate) => IsoDate;
  /** hired by the demo employer's company (employeur1), once: its recruiters get the check-in link */
  demoCompany?: true;
  /** check-ins to record, in order: months after the start → outcome */
  record: Array<{ months: 1 | 3 | 6; outcome: "in_post" | "ended"; endReason?: string; endedAfterMonths?: number }>;
}> = [
  { job: "Agent / Agente de service hospitalier", employer: "Centre hospitalier", start: (t) => addDays(t, -6), record: [] },
  { job: "Aide à domicile", employer: "Aide à domicile du Loir", start: (t) => addDays(addMonths(t, -1), 3), record: [] },
  {
    job: "Préparateur / Préparatrice de commandes",
    employer: "Logistique Centre-Val",
    demoCompany: true,
    start: (t) => addDays(addMonths(t, -3), -12),
    record: [{ months: 1, outcome: "in_post" }],
  },
  {
    job: "Serveur / Serveuse en restauration",
    employer: "Brasserie du Château",
    start: (t) => addDays(addMonths(t, -7), -3),
    record: [
      { months: 1, outcome: "in_post" },
      { months: 3, outcome: "in_post" },
      { months: 6, outcome: "in_post" },
    ],
  },
  {
    job: "Ouvrier / Ouvrière agricole",
    employer: "EARL des Coteaux",
    start: (t) => addDays(addMonths(t, -4), -5),
    record: [
      { months: 1, outcome: "in_post" },
      { months: 3, outcome: "ended", endReason: "end_of_contract", endedAfterMonths: 2 },
    ],
  },
];

export type FollowUpReport = { placements: number; checkInsRecorded: number; proposals: number };

/**
 * Caseload activity for each territory's demo adviser: proposals of matching offers and
 * placements at every stage of the six-month follow-up. Only people with no placement yet are
 * used, so a second run adds nothing.
 */
export async function seedFollowUp(db: Database, config: InstanceConfig, today: IsoDate): Promise<FollowUpReport> {
  const report: FollowUpReport = { placements: 0, checkInsRecorded: 0, proposals: 0 };
  // the demo employer's company (its 3-month check-in is due: the employer's check-in link has something to ask)
  let demoCompany: string | null =
    (
      await queryRows<{ id: string }>(
        db,
        sql`select m.employer_id as id from employer_members m join users u on u.id = m.user_id
          where u.email = 'employeur1@demo.emploi41.fr' and m.is_owner limit 1`,
      )
    )[0]?.id ?? null;
  for (const territory of config.territories) {
    const [adviser] = await db
      .select({ id: users.id, role: users.role, email: users.email, firstName: users.firstName, lastName: users.lastName, territoryCode: users.territoryCode })
      .from(users)
      .where(and(eq(users.role, "adviser"), eq(users.territoryCode, territory.code), sql`${users.email} like 'conseiller.%'`))
      .limit(1);
    if (!adviser) continue;
    const actor: SessionUser = adviser;

    // Imported people of the caseload (no account): demo accounts keep a clean slate for the e2e journeys.
    const people = await queryRows<{ id: string }>(
      db,
      sql`select p.id from beneficiary_profiles p
          where p.adviser_id = ${adviser.id}::uuid and p.user_id is null
            and not exists (select 1 from placements pl where pl.profile_id = p.id)
            and not exists (select 1 from proposals pr where pr.profile_id = p.id)
          order by p.external_id limit ${STAGES.length + 2}`,
    );
    const already = await db.select({ n: sql<number>`count(*)::int` }).from(placements).where(eq(placements.adviserId, adviser.id));
    if (Number(already[0]?.n ?? 0) > 0) continue;

    for (const [i, stage] of STAGES.entries()) {
      const person = people[i];
      if (!person) break;
      const startsOn = stage.start(today);
      const employerId = stage.demoCompany && demoCompany ? String(demoCompany) : null;
      if (employerId) demoCompany = null;
      const { id } = await createPlacementByAdviser(
        db,
        actor,
        employerId
          ? { profileId: String(person.id), employerId, jobTitle: stage.job, contract: "cdd", startsOn, hoursPerWeek: 35 }
          : { profileId: String(person.id), employerName: stage.employer, jobTitle: stage.job, contract: "cdd", startsOn, hoursPerWeek: 35 },
        today,
      );
      report.placements++;
      for (const r of stage.record) {
        const [c] = await db
          .select({ id: checkIns.id })
          .from(checkIns)
          .where(and(eq(checkIns.placementId, id), eq(checkIns.monthsAfter, r.months), isNull(checkIns.recordedAt)));
        if (!c) continue;
        // Recorded on the day it fell due (the ending one on the day the contract ended).
        const on = r.endedAfterMonths ? addMonths(startsOn, r.endedAfterMonths) : addMonths(startsOn, r.months);
        await recordCheckIn(
          db,
          actor,
          { checkInId: c.id, outcome: r.outcome, endReason: r.endReason ?? null, endedOn: r.outcome === "ended" ? on : null, note: null },
          r.outcome === "ended" ? addMonths(startsOn, r.months) : on,
          config.exitReasons,
        );
        report.checkInsRecorded++;
      }
    }

    // Two people get an adviser's proposal of their best offer.
    for (const person of people.slice(STAGES.length)) {
      const [best] = await matchOffersForBeneficiary(db, String(person.id), 1);
      if (!best) continue;
      const exists = await db
        .select({ id: proposals.id })
        .from(proposals)
        .where(and(eq(proposals.profileId, String(person.id)), inArray(proposals.offerId, [best.id])));
      if (exists.length) continue;
      await createProposal(
        db,
        { kind: "adviser", userId: adviser.id },
        { profileId: String(person.id), offerId: best.id, message: "Cette offre correspond à votre CV : voulez-vous que je vous mette en relation ?" },
      );
      report.proposals++;
    }
  }
  return report;
}
