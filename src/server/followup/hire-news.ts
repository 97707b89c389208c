// Who follows a hire, and telling them. A person with an adviser: the adviser hears of the
// hire (caseload_activity). A person nobody follows: every adviser of their territory is told
// it waits "à prendre en suivi" (caseload_alert); the first to take it follows the placement.
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { instanceTimeZone } from "../config/time-zone";
import { formatDate } from "../../lib/dates";
import { tell } from "../notifications/tell";
import type { FollowUp } from "./follow-up-words";

export type { FollowUp };

export const HIRES_TO_FOLLOW_LINK = "/conseiller/suivi#a-prendre";

/** The person's adviser (an active account), else their territory, whose advisers will take it. */
export async function whoFollows(db: Database, profileId: string): Promise<FollowUp> {
  const [row] = await queryRows<{ first_name: string | null; last_name: string | null; territory_name: string | null }>(
    db,
    sql`select a.first_name, a.last_name, t.name as territory_name
      from beneficiary_profiles p
      left join users a on a.id = p.adviser_id and a.status = 'active'
      left join territories t on t.code = p.territory_code
      where p.id = ${profileId}::uuid`,
  );
  if (row?.first_name !== null && row?.first_name !== undefined) return { kind: "adviser", firstName: row.first_name, lastName: row.last_name ?? "" };
  return { kind: "territory", territoryName: row?.territory_name ?? null };
}

/**
 * Tells whoever follows the person of a hire just recorded (call it in the hire's transaction);
 * returns who follows, for the employer's confirmation.
 */
export async function tellHire(db: Database, placementId: string, now: Date = new Date()): Promise<FollowUp> {
  const [p] = await queryRows<{
    profile_id: string;
    first_name: string;
    last_name: string;
    territory_code: string | null;
    job_title: string;
    employer_name: string | null;
    starts_on: string;
  }>(
    db,
    sql`select p.id as profile_id, p.first_name, p.last_name, p.territory_code, pl.job_title,
        coalesce(pl.employer_name, e.name) as employer_name, pl.starts_on::text as starts_on
      from placements pl
      join beneficiary_profiles p on p.id = pl.profile_id
      left join employers e on e.id = pl.employer_id
      where pl.id = ${placementId}::uuid`,
  );
  if (!p) throw new Error(`placement ${placementId} not found`);
  const profileId = String(p.profile_id);
  const who = `${p.first_name} ${p.last_name}`.trim();
  const job = p.employer_name ? `${p.job_title} chez ${p.employer_name}` : p.job_title;
  const follow = await whoFollows(db, profileId);
  if (follow.kind === "adviser") {
    const [a] = await queryRows<{ id: string }>(db, sql`select adviser_id as id from beneficiary_profiles where id = ${profileId}::uuid`);
    await tell(
      db,
      [
        {
          userId: String(a!.id),
          category: "caseload_activity",
          eventKey: `hire:${placementId}`,
          title: `Embauche de ${who}`,
          body: `${job}, à partir du ${formatDate(p.starts_on, instanceTimeZone())}. Vous suivrez ses premiers mois dans l'emploi (points à 1, 3 et 6 mois).`,
          link: `/conseiller/personnes/${profileId}`,
          aboutProfileId: profileId,
          kind: "hire",
        },
      ],
      now,
    );
    return follow;
  }
  const advisers = p.territory_code
    ? await queryRows<{ id: string }>(
        db,
        sql`select id from users where role = 'adviser' and status = 'active' and territory_code = ${p.territory_code} order by id`,
      )
    : [];
  await tell(
    db,
    advisers.map((a) => ({
      userId: String(a.id),
      category: "caseload_alert" as const,
      eventKey: `hire-to-follow:${placementId}`,
      title: `Embauche à prendre en suivi : ${who}`,
      body: `${who} est embauché(e) : ${job}, à partir du ${formatDate(p.starts_on, instanceTimeZone())}. Personne ne l'accompagne encore : le premier conseiller qui prend le suivi l'accompagnera.`,
      link: HIRES_TO_FOLLOW_LINK,
      aboutProfileId: profileId,
      kind: "hire_to_follow",
    })),
    now,
  );
  return follow;
}

/** The adviser who takes a person follows their placements nobody followed yet. */
export async function followPlacementsOf(db: Database, profileId: string, adviserId: string): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update placements set adviser_id = ${adviserId}::uuid where profile_id = ${profileId}::uuid and adviser_id is null returning id`,
  );
  return rows.length;
}

export type HireToFollow = {
  placementId: string;
  profileId: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
  employerName: string | null;
  startsOn: string;
  createdAt: Date;
};

/** Hires of people nobody follows in a territory ("à prendre en suivi"), oldest first. */
export async function hiresToFollow(db: Database, territoryCode: string | null): Promise<HireToFollow[]> {
  const rows = await queryRows<{
    placement_id: string;
    profile_id: string;
    first_name: string;
    last_name: string;
    job_title: string;
    employer_name: string | null;
    starts_on: string;
    created_at: string | Date;
  }>(
    db,
    sql`select pl.id as placement_id, p.id as profile_id, p.first_name, p.last_name, pl.job_title,
        coalesce(pl.employer_name, e.name) as employer_name, pl.starts_on::text as starts_on, pl.created_at
      from placements pl
      join beneficiary_profiles p on p.id = pl.profile_id
      left join employers e on e.id = pl.employer_id
      where pl.status = 'active' and p.adviser_id is null and p.status = 'active'
        and ${territoryCode === null ? sql`true` : sql`p.territory_code = ${territoryCode}`}
      order by pl.created_at, pl.id`,
  );
  return rows.map((r) => ({
    placementId: String(r.placement_id),
    profileId: String(r.profile_id),
    firstName: r.first_name,
    lastName: r.last_name,
    jobTitle: r.job_title,
    employerName: r.employer_name,
    startsOn: r.starts_on,
    createdAt: new Date(r.created_at),
  }));
}
