import { eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../auth/schema";
import { queryRows, type DatabaseHandle } from "../db/client";
import { loadInstanceConfig } from "../config/config";
import { instanceTimeZone } from "../config/time-zone";
import { matchCandidatesForOffer, matchOffersForBeneficiary } from "../matching/queries";
import { membershipOf } from "../organisations/membership";
import { formations } from "../formations/schema";
import { adviserFigures, dueLists } from "../followup/checkins";
import { offers } from "../offers/schema";
import { beneficiaryProfiles } from "../profiles/schema";
import { openTestDatabase } from "../testing/db";
import { DEMO_DOMAIN, DEMO_SIZES, seedDemo, type DemoReport } from "./seed";
import { instanceToday } from "../config/time-zone";

let h: DatabaseHandle;
let first: DemoReport;
let second: DemoReport;
const config = loadInstanceConfig();

async function counts() {
  const [row] = await queryRows<Record<string, number>>(
    h.db,
    sql`select
      (select count(*)::int from users) as users,
      (select count(*)::int from beneficiary_profiles) as profiles,
      (select count(*)::int from profile_jobs) as jobs,
      (select count(*)::int from profile_match_points) as match_points,
      (select count(*)::int from employers) as employers,
      (select count(*)::int from offers) as offers,
      (select count(distinct rome_code)::int from offers) as offer_jobs,
      (select count(*)::int from formations) as formations`,
  );
  return row!;
}

beforeAll(async () => {
  h = await openTestDatabase();
  first = await seedDemo(h.db, config);
}, 180_000);
afterAll(async () => {
  await h?.close();
});

describe("seed demo", () => {
  it("creates the demo data in one pass", async () => {
    expect(first.profiles).toEqual({ created: DEMO_SIZES.profiles, updated: 0 });
    // 15 companies and 2 training organisations
    expect(first.employers).toEqual({ created: 17, existing: 0 });
    expect(first.offers.created).toBeGreaterThanOrEqual(70);
    expect(first.offers.created).toBeLessThanOrEqual(90);
    expect(first.formations).toEqual({ created: DEMO_SIZES.formations, updated: 0 });
    const c = await counts();
    expect(c.profiles).toBe(DEMO_SIZES.profiles);
    expect(c.offer_jobs).toBeGreaterThanOrEqual(25);
    expect(c.match_points).toBeGreaterThan(100);
  });

  it("spreads sign-ups and publications over the last twelve months, for the dashboard's charts", async () => {
    const [r] = await queryRows<{ months: number; future: number; published_months: number; filled_before_published: number }>(
      h.db,
      sql`select
        (select count(distinct to_char(created_at at time zone ${instanceTimeZone()}::text, 'YYYY-MM')) from beneficiary_profiles where external_id like 'DEMO-P-%')::int as months,
        (select count(*) from beneficiary_profiles where created_at > now() or created_at < now() - interval '366 days')::int as future,
        (select count(distinct to_char(published_at at time zone ${instanceTimeZone()}::text, 'YYYY-MM')) from offers where external_id like 'DEMO-O-%')::int as published_months,
        (select count(*) from offers where filled_at < published_at or (status = 'filled') <> (filled_at is not null))::int as filled_before_published`,
    );
    expect(r!.months).toBeGreaterThanOrEqual(12);
    expect(r!.future).toBe(0);
    expect(r!.published_months).toBeGreaterThanOrEqual(12);
    expect(r!.filled_before_published).toBe(0);
  });

  it("is re-runnable: a second run creates nothing and changes no count", async () => {
    const before = await counts();
    second = await seedDemo(h.db, config);
    expect(second.created).toBe(0);
    expect(second.profiles.created).toBe(0);
    expect(second.offers.created).toBe(0);
    expect(second.formations.created).toBe(0);
    expect(second.employers.created).toBe(0);
    expect(second.followUp).toEqual({ placements: 0, checkInsRecorded: 0, proposals: 0 });
    expect(second.profiles.updated).toBe(DEMO_SIZES.profiles);
    expect(await counts()).toEqual(before);
  });

  it("spreads profiles over the instance's communes, with territories and advisers", async () => {
    const rows = await queryRows<{ n: number; communes: number; territories: number; advisers: number; outside: number }>(
      h.db,
      sql`select count(*)::int as n, count(distinct p.commune_insee)::int as communes,
            count(distinct p.territory_code)::int as territories, count(distinct p.adviser_id)::int as advisers,
            count(*) filter (where c.departement <> ${config.departements[0]!})::int as outside
          from beneficiary_profiles p join communes c on c.insee = p.commune_insee`,
    );
    expect(rows[0]!.communes).toBeGreaterThan(50);
    expect(rows[0]!.territories).toBe(config.territories.length);
    expect(rows[0]!.advisers).toBe(config.territories.length);
    expect(rows[0]!.outside).toBe(0);
    // the most populated commune holds the most profiles
    const [top] = await queryRows<{ commune_insee: string }>(
      h.db,
      sql`select commune_insee from beneficiary_profiles group by commune_insee order by count(*) desc limit 1`,
    );
    const [biggest] = await queryRows<{ insee: string }>(
      h.db,
      sql`select insee from communes where departement = ${config.departements[0]!} order by population desc limit 1`,
    );
    expect(top!.commune_insee).toBe(biggest!.insee);
  });

  it("gives each demo beneficiary account a visible profile with offers near them", async () => {
    const [account] = await h.db.select().from(users).where(eq(users.email, `beneficiaire1@${DEMO_DOMAIN}`));
    const [profile] = await h.db.select().from(beneficiaryProfiles).where(eq(beneficiaryProfiles.userId, account!.id));
    expect(profile).toMatchObject({ externalId: "DEMO-P-0001", seeking: true, visibleToEmployers: true });
    expect(profile!.territoryCode).not.toBeNull();
    expect(profile!.adviserId).not.toBeNull();
    expect((await matchOffersForBeneficiary(h.db, profile!.id)).length).toBeGreaterThan(0);

    const linked = await h.db
      .select({ id: beneficiaryProfiles.id })
      .from(beneficiaryProfiles)
      .innerJoin(users, eq(users.id, beneficiaryProfiles.userId))
      .where(like(users.email, `beneficiaire%@${DEMO_DOMAIN}`));
    expect(linked).toHaveLength(20);
    for (const p of linked) expect((await matchOffersForBeneficiary(h.db, p.id)).length, p.id).toBeGreaterThan(0);
  });

  it("gives the demo employers live offers with candidates", async () => {
    for (const i of [1, 2, 3, 4, 5]) {
      const [employer] = await h.db.select().from(users).where(eq(users.email, `employeur${i}@${DEMO_DOMAIN}`));
      const own = await h.db.select().from(offers).where(eq(offers.createdBy, employer!.id)).orderBy(offers.externalId);
      expect(own.length).toBeGreaterThanOrEqual(8);
      expect(own.length).toBeLessThanOrEqual(15);
      expect(own[0]!.status).toBe("published");
      expect((await matchCandidatesForOffer(h.db, own[0]!.id)).length, `employeur${i}`).toBeGreaterThan(0);
      // The account owns the company of its offers, so "Mon entreprise" and its candidates work.
      const membership = await membershipOf(h.db, employer!.id);
      expect(membership).toMatchObject({ employerId: own[0]!.employerId, isOwner: true, kind: "company" });
    }
  });

  it("gives each adviser placements at every follow-up stage and proposals", async () => {
    const territories = config.territories.length;
    expect(first.followUp.placements).toBe(5 * territories);
    expect(first.followUp.checkInsRecorded).toBe(6 * territories);
    expect(first.followUp.proposals).toBeGreaterThan(0);
    const [adviser] = await h.db.select().from(users).where(eq(users.email, `conseiller.${config.territories[0]!.code}@${DEMO_DOMAIN}`));
    const today = instanceToday();
    const due = await dueLists(h.db, { adviserId: adviser!.id }, today);
    expect(due.overdue.length).toBeGreaterThan(0);
    expect(due.dueThisWeek.length).toBeGreaterThan(0);
    const figures = await adviserFigures(h.db, { adviserId: adviser!.id }, today);
    expect(figures.hires).toBe(5);
    const sixMonths = figures.retention.find((r) => r.monthsAfter === 6)!;
    expect(sixMonths.rate).toBe(1);
  });

  it("gives the demo training organisations their formations", async () => {
    for (const i of [1, 2]) {
      const [account] = await h.db.select().from(users).where(eq(users.email, `organisme${i}@${DEMO_DOMAIN}`));
      const membership = await membershipOf(h.db, account!.id);
      expect(membership).toMatchObject({ isOwner: true, kind: "training_org" });
      const own = await h.db.select().from(formations).where(eq(formations.organisationId, membership!.employerId));
      expect(own.length).toBe(DEMO_SIZES.formations / 2);
    }
  });
});
