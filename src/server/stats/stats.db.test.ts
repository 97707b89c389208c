import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type DatabaseHandle } from "../db/client";
import { medianDaysToFirstHire, retention, type RetentionPlacement } from "../followup/retention";
import type { CheckInStatus } from "../followup/schema";
import { callerAs, callerFor, makeUser } from "../testing/callers";
import { fieldErrors } from "../testing/errors";
import { makeOffer, makeProfile } from "../testing/factories";
import { checkStatsArgs, statsCommand } from "../../cli/stats-command";
import { UsageError } from "../../cli/args";
import { statsCsvHttp } from "./http";
import { publicReport } from "./public";
import { cachedPublicReport, clearPublicReportCache } from "./public-cache";
import { statsReport } from "./report";
import type { StatsFilters, StatsReport } from "./types";

// A fixture where every figure is known in advance. Period January–June 2026, judged on
// 22 November 2026; territories Blois and Vendôme. Everything is dated explicitly with SQL.
const TODAY = "2026-11-22";
const NOW = new Date("2026-11-22T11:00:00Z");
const PERIOD = { from: "2026-01", to: "2026-06" };
const MONTHS = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"];

let h: DatabaseHandle;
const ids: Record<string, string> = {};

async function exec(q: ReturnType<typeof sql>) {
  await h.db.execute(q);
}
async function insertId(q: ReturnType<typeof sql>): Promise<string> {
  const [row] = await queryRows<{ id: string }>(h.db, q);
  return row!.id;
}

async function profile(name: string, createdAt: string, territory: string, adviserId: string | null, complete: boolean) {
  const p = await makeProfile(h.db, "41018", { territoryCode: territory, adviserId });
  ids[name] = p.id;
  await exec(sql`update beneficiary_profiles set created_at = ${createdAt}::timestamptz, territory_code = ${territory} where id = ${p.id}::uuid`);
  if (complete) {
    await exec(sql`update beneficiary_profiles set steps_done = array['place','mobility','jobs','skills','availability','background','visibility'],
      skill_codes = array[1,2,3] where id = ${p.id}::uuid`);
  }
}

async function placement(
  name: string,
  profile: string,
  territory: string,
  startsOn: string,
  ended: { on: string; reason: string } | null,
  checkIns: Array<[number, string, CheckInStatus]>,
) {
  const id = await insertId(sql`insert into placements (profile_id, territory_code, job_title, starts_on, status, ended_on, end_reason, source)
    values (${ids[profile]}::uuid, ${territory}, 'Agent de service', ${startsOn}::date, ${ended ? "ended" : "active"}, ${ended?.on ?? null}::date, ${ended?.reason ?? null}, 'adviser')
    returning id`);
  ids[name] = id;
  for (const [m, due, status] of checkIns) {
    await exec(sql`insert into check_ins (placement_id, months_after, due_on, status) values (${id}::uuid, ${m}, ${due}::date, ${status})`);
  }
}

beforeAll(async () => {
  const { openTestDatabase } = await import("../testing/db");
  h = await openTestDatabase();
  const [v] = await queryRows<{ insee: string }>(h.db, sql`select insee from territory_communes where territory_code = 'vendome' order by insee limit 1`);
  const vendomeInsee = v!.insee;

  const a1 = await makeUser(h.db, "adviser", { territoryCode: "blois", lastName: "Albert" });
  const a2 = await makeUser(h.db, "adviser", { territoryCode: "vendome", lastName: "Bernard" });
  const a3 = await makeUser(h.db, "adviser", { territoryCode: "blois", lastName: "Claude", status: "disabled" });
  const a4 = await makeUser(h.db, "adviser", { territoryCode: null, lastName: "Dupont", status: "disabled" });
  Object.assign(ids, { a1: a1.id, a2: a2.id, a3: a3.id, a4: a4.id });

  await profile("p1", "2026-01-10T10:00:00Z", "blois", a1.id, true);
  // 23:30 UTC on 31 January is 00:30 on 1 February in Paris: a February registration
  await profile("p2", "2026-01-31T23:30:00Z", "blois", a1.id, false);
  // registered and hired in Blois, moved to Vendôme since
  await profile("p3", "2026-02-15T09:00:00Z", "vendome", a2.id, false);
  await profile("p4", "2026-03-05T09:00:00Z", "vendome", a2.id, true);
  await profile("p5", "2025-12-20T09:00:00Z", "blois", a4.id, false);
  await profile("p6", "2026-07-01T09:00:00Z", "vendome", null, false);

  const employer = (kind: string, insee: string | null, createdAt: string) =>
    insertId(sql`insert into employers (kind, name, commune_insee, created_at) values (${kind}, 'Fixture', ${insee}, ${createdAt}::timestamptz) returning id`);
  ids.e1 = await employer("company", "41018", "2026-01-15T10:00:00Z");
  ids.e2 = await employer("company", vendomeInsee, "2026-04-02T10:00:00Z");
  await employer("training_org", "41018", "2026-02-03T10:00:00Z");
  await employer("company", null, "2026-02-01T10:00:00Z");

  const offer = async (name: string, insee: string, publishedAt: string | null, filledAt: string | null) => {
    const o = await makeOffer(h.db, insee, { employerId: ids.e1 });
    ids[name] = o.id;
    await exec(sql`update offers set published_at = ${publishedAt}::timestamptz, filled_at = ${filledAt}::timestamptz,
      status = ${filledAt ? "filled" : "published"} where id = ${o.id}::uuid`);
  };
  await offer("o1", "41018", "2026-01-20T10:00:00Z", "2026-03-10T10:00:00Z");
  await offer("o2", vendomeInsee, "2026-02-10T10:00:00Z", null);
  await offer("o3", "41018", "2025-11-01T10:00:00Z", "2026-02-05T10:00:00Z");
  // 22:30 UTC on 30 June is July in Paris: outside the period
  await offer("o4", "41018", "2026-06-30T22:30:00Z", null);

  const application = (p: string, o: string, at: string) =>
    exec(sql`insert into applications (profile_id, offer_id, status, created_at) values (${ids[p]}::uuid, ${ids[o]}::uuid, 'sent', ${at}::timestamptz)`);
  await application("p1", "o1", "2026-01-20T09:00:00Z");
  await application("p1", "o2", "2026-02-01T09:00:00Z");
  await application("p2", "o2", "2026-02-04T10:00:00Z");
  await application("p3", "o1", "2026-02-20T10:00:00Z");

  const proposal = (p: string, o: string, kind: string, status: string, createdAt: string, answeredAt: string | null) =>
    exec(sql`insert into proposals (profile_id, offer_id, from_kind, from_user_id, status, created_at, answered_at)
      values (${ids[p]}::uuid, ${ids[o]}::uuid, ${kind}, ${ids.a1}::uuid, ${status}, ${createdAt}::timestamptz, ${answeredAt}::timestamptz)`);
  await proposal("p1", "o2", "adviser", "pending", "2026-03-03T10:00:00Z", null);
  await proposal("p4", "o1", "adviser", "pending", "2026-03-04T10:00:00Z", null);
  await proposal("p1", "o1", "employer", "accepted", "2026-04-01T10:00:00Z", "2026-04-10T10:00:00Z");
  await proposal("p3", "o2", "employer", "accepted", "2026-04-01T10:00:00Z", "2026-04-11T10:00:00Z");
  await proposal("p2", "o1", "employer", "declined", "2026-04-01T10:00:00Z", "2026-04-12T10:00:00Z");
  await proposal("p4", "o2", "employer", "accepted", "2026-06-20T10:00:00Z", "2026-07-01T10:00:00Z");

  // in post at every check-in
  await placement("pl1", "p1", "blois", "2026-01-15", null, [[1, "2026-02-15", "in_post"], [3, "2026-04-15", "in_post"], [6, "2026-07-15", "in_post"]]);
  // hired in Blois, ended on 10 May: retained at +1 (1 April), not at +3 and +6
  await placement("pl2", "p3", "blois", "2026-03-01", { on: "2026-05-10", reason: "end_of_contract" }, [
    [1, "2026-04-01", "in_post"],
    [3, "2026-06-01", "cancelled"],
    [6, "2026-09-01", "cancelled"],
  ]);
  // +1 in post, +3 not recorded yet, +6 (10 December) not due on 22 November
  await placement("pl3", "p4", "vendome", "2026-06-10", null, [[1, "2026-07-10", "in_post"], [3, "2026-09-10", "pending"], [6, "2026-12-10", "pending"]]);
  // no check-in rows (recorded elsewhere): due dates computed, 31 May + 1 month = 30 June; +6 = 30 November, not due
  await placement("pl4", "p5", "blois", "2026-05-31", null, []);
  // after the period
  await placement("pl5", "p2", "blois", "2026-08-01", null, [[1, "2026-09-01", "in_post"], [3, "2026-11-01", "pending"], [6, "2027-02-01", "pending"]]);
  // started before the period, ended in it
  await placement("pl6", "p5", "blois", "2025-10-01", { on: "2026-02-20", reason: "moved" }, []);
  await placement("pl7", "p6", "vendome", "2025-06-01", { on: "2026-03-15", reason: "legacy_code" }, []);
});
afterAll(async () => {
  await h?.close();
});

const report = (territory: string | null, extra: Partial<StatsFilters> = {}) =>
  statsReport(h.db, { ...PERIOD, territory, ...extra }, { today: TODAY, now: NOW, withCaseloads: true });

const monthly = (r: StatsReport, key: string) => {
  const c = r.counts.find((x) => x.key === key)!;
  return { total: c.total, months: c.months.map((m) => m.value) };
};

describe("counts by month and territory", () => {
  it("the whole instance", async () => {
    const r = await report(null);
    expect(r.months).toEqual(MONTHS);
    expect(monthly(r, "beneficiaries_registered")).toEqual({ total: 4, months: [1, 2, 1, 0, 0, 0] });
    expect(monthly(r, "cvs_complete")).toEqual({ total: 2, months: [1, 0, 1, 0, 0, 0] });
    expect(monthly(r, "employers_registered")).toEqual({ total: 3, months: [1, 1, 0, 1, 0, 0] });
    expect(monthly(r, "offers_published")).toEqual({ total: 2, months: [1, 1, 0, 0, 0, 0] });
    expect(monthly(r, "offers_filled")).toEqual({ total: 2, months: [0, 1, 1, 0, 0, 0] });
    expect(monthly(r, "applications")).toEqual({ total: 4, months: [1, 3, 0, 0, 0, 0] });
    expect(monthly(r, "proposals")).toEqual({ total: 2, months: [0, 0, 2, 0, 0, 0] });
    expect(monthly(r, "contacts_accepted")).toEqual({ total: 2, months: [0, 0, 0, 2, 0, 0] });
    expect(monthly(r, "hires")).toEqual({ total: 4, months: [1, 0, 1, 0, 1, 1] });
    for (const c of r.counts) expect(c.explanation.length).toBeGreaterThan(20);
    expect(r.counts.find((c) => c.key === "cvs_complete")!.explanation).toContain("à ce jour");
  });

  it("Blois: the person who moved to Vendôme keeps her hire here, not her registration", async () => {
    const r = await report("blois");
    expect(monthly(r, "beneficiaries_registered")).toEqual({ total: 2, months: [1, 1, 0, 0, 0, 0] });
    expect(monthly(r, "cvs_complete")).toEqual({ total: 1, months: [1, 0, 0, 0, 0, 0] });
    expect(monthly(r, "employers_registered")).toEqual({ total: 1, months: [1, 0, 0, 0, 0, 0] });
    expect(monthly(r, "offers_published")).toEqual({ total: 1, months: [1, 0, 0, 0, 0, 0] });
    expect(monthly(r, "offers_filled")).toEqual({ total: 2, months: [0, 1, 1, 0, 0, 0] });
    expect(monthly(r, "applications")).toEqual({ total: 3, months: [1, 2, 0, 0, 0, 0] });
    expect(monthly(r, "proposals")).toEqual({ total: 1, months: [0, 0, 1, 0, 0, 0] });
    expect(monthly(r, "contacts_accepted")).toEqual({ total: 1, months: [0, 0, 0, 1, 0, 0] });
    expect(monthly(r, "hires")).toEqual({ total: 3, months: [1, 0, 1, 0, 1, 0] });
  });

  it("Vendôme: the registration of the person who moved in, not her hire", async () => {
    const r = await report("vendome");
    expect(monthly(r, "beneficiaries_registered")).toEqual({ total: 2, months: [0, 1, 1, 0, 0, 0] });
    expect(monthly(r, "cvs_complete")).toEqual({ total: 1, months: [0, 0, 1, 0, 0, 0] });
    expect(monthly(r, "employers_registered")).toEqual({ total: 1, months: [0, 0, 0, 1, 0, 0] });
    expect(monthly(r, "offers_published")).toEqual({ total: 1, months: [0, 1, 0, 0, 0, 0] });
    expect(monthly(r, "offers_filled")).toEqual({ total: 0, months: [0, 0, 0, 0, 0, 0] });
    expect(monthly(r, "applications")).toEqual({ total: 1, months: [0, 1, 0, 0, 0, 0] });
    expect(monthly(r, "proposals")).toEqual({ total: 1, months: [0, 0, 1, 0, 0, 0] });
    expect(monthly(r, "contacts_accepted")).toEqual({ total: 1, months: [0, 0, 0, 1, 0, 0] });
    expect(monthly(r, "hires")).toEqual({ total: 1, months: [0, 0, 0, 0, 0, 1] });
  });

  it("a one-month period on the Paris boundary: the 23:30 UTC sign-up of 31 January is February's", async () => {
    const jan = await report(null, { from: "2026-01", to: "2026-01" });
    const feb = await report(null, { from: "2026-02", to: "2026-02" });
    expect(monthly(jan, "beneficiaries_registered")).toEqual({ total: 1, months: [1] });
    expect(monthly(feb, "beneficiaries_registered")).toEqual({ total: 2, months: [2] });
    const july = await report(null, { from: "2026-07", to: "2026-07" });
    expect(monthly(july, "offers_published")).toEqual({ total: 1, months: [1] });
  });
});

describe("retention, delays and exits", () => {
  it("retention at 1, 3 and 6 months, the +6 of recent hires not yet due", async () => {
    const r = await report(null);
    const figures = r.retention.map(({ monthsAfter, eligible, retained, notRetained, unknown, rate }) => ({ monthsAfter, eligible, retained, notRetained, unknown, rate }));
    expect(figures).toEqual([
      { monthsAfter: 1, eligible: 4, retained: 3, notRetained: 0, unknown: 1, rate: 1 },
      { monthsAfter: 3, eligible: 4, retained: 1, notRetained: 1, unknown: 2, rate: 0.5 },
      { monthsAfter: 6, eligible: 2, retained: 1, notRetained: 1, unknown: 0, rate: 0.5 },
    ]);
    const six = r.retention[2]!.months;
    expect(six.map((m) => [m.eligible, m.retained, m.rate])).toEqual([
      [1, 1, 1],
      [0, 0, null],
      [1, 0, 0],
      [0, 0, null],
      [0, 0, null],
      [0, 0, null],
    ]);
    const blois = await report("blois");
    expect(blois.retention.map((x) => [x.eligible, x.retained, x.notRetained, x.unknown])).toEqual([
      [3, 2, 0, 1],
      [3, 1, 1, 1],
      [2, 1, 1, 0],
    ]);
  });

  it("the SQL agrees with followup/retention.ts on the same placements, whatever the day", async () => {
    const rows = await queryRows<{ id: string; starts_on: string; ended_on: string | null; months_after: number | null; due_on: string | null; status: CheckInStatus | null }>(
      h.db,
      sql`select pl.id, pl.starts_on::text, pl.ended_on::text, ci.months_after, ci.due_on::text, ci.status
          from placements pl left join check_ins ci on ci.placement_id = pl.id
          where pl.starts_on >= '2026-01-01' and pl.starts_on < '2026-07-01'`,
    );
    const byId = new Map<string, RetentionPlacement>();
    for (const r of rows) {
      const p = byId.get(r.id) ?? { startsOn: r.starts_on, endedOn: r.ended_on, checkIns: [] };
      if (r.months_after !== null) p.checkIns.push({ monthsAfter: Number(r.months_after), dueOn: r.due_on!, status: r.status! });
      byId.set(r.id, p);
    }
    expect(byId.size).toBe(4);
    for (const day of ["2026-03-01", "2026-07-01", "2026-09-15", TODAY, "2027-06-01"]) {
      const expected = retention([...byId.values()], day);
      const r = await statsReport(h.db, { ...PERIOD, territory: null }, { today: day, now: NOW });
      expect(r.retention.map(({ monthsAfter, eligible, retained, notRetained, unknown, rate }) => ({ monthsAfter, eligible, retained, notRetained, unknown, rate }))).toEqual(expected);
    }
  });

  it("median delays from sign-up, with the same median as followup/retention.ts", async () => {
    const r = await report(null);
    const [apps, hires] = r.delays;
    // first applications: p1 after 10 days, p2 after 3 (signed up 1 February in Paris), p3 after 5
    expect(apps).toMatchObject({ key: "signup_to_first_application", medianDays: 5, people: 3 });
    expect(apps!.months.slice(0, 3)).toEqual([
      { month: "2026-01", medianDays: 10, people: 1 },
      { month: "2026-02", medianDays: 4, people: 2 },
      { month: "2026-03", medianDays: null, people: 0 },
    ]);
    // first hires: p1 5 days, p2 181, p3 14, p4 97 → (14 + 97) / 2 = 55.5 → 56
    const pure = medianDaysToFirstHire([
      { signedUpOn: "2026-01-10", firstHireOn: "2026-01-15" },
      { signedUpOn: "2026-02-01", firstHireOn: "2026-08-01" },
      { signedUpOn: "2026-02-15", firstHireOn: "2026-03-01" },
      { signedUpOn: "2026-03-05", firstHireOn: "2026-06-10" },
    ]);
    expect(pure).toBe(55.5);
    expect(hires).toMatchObject({ key: "signup_to_first_hire", medianDays: Math.round(pure!), people: 4 });
    expect(hires!.months.slice(0, 3).map((m) => [m.medianDays, m.people])).toEqual([
      [5, 1],
      [98, 2],
      [97, 1],
    ]);
  });

  it("exits by reason in the instance's order, zero rows included, unknown codes after", async () => {
    const r = await report(null);
    expect(r.exits.rows.filter((e) => e.count !== 0)).toEqual([
      { reason: "end_of_contract", label: "Fin de contrat", count: 1 },
      { reason: "moved", label: "Déménagement", count: 1 },
      { reason: "legacy_code", label: "legacy_code", count: 1 },
    ]);
    expect(r.exits.rows.map((e) => e.reason)).toEqual(["resignation", "end_of_contract", "dismissal", "trial_period", "moved", "job", "training", "other", "legacy_code"]);
    const blois = await report("blois");
    expect(blois.exits.rows.filter((e) => e.count !== 0).map((e) => [e.reason, e.count])).toEqual([
      ["end_of_contract", 1],
      ["moved", 1],
    ]);
  });

  it("an ended placement leaves the retention of its territory and counts as an exit there", async () => {
    const vendome = await report("vendome");
    expect(vendome.retention.map((x) => [x.eligible, x.retained, x.notRetained])).toEqual([
      [1, 1, 0],
      [1, 0, 0],
      [0, 0, 0],
    ]);
    expect(vendome.exits.rows.find((e) => e.reason === "end_of_contract")!.count).toBe(0);
  });
});

describe("caseloads", () => {
  it("per adviser: people followed now, complete CVs, placements in follow-up; disabled accounts only while they have people", async () => {
    const r = await report(null);
    const mine = r.caseloads!.filter((c) => [ids.a1, ids.a2, ids.a3, ids.a4].includes(c.adviserId));
    expect(mine.map((c) => [c.adviserId, c.territory, c.people, c.completeCvs, c.placementsFollowed])).toEqual([
      [ids.a1, "blois", 2, 1, 1],
      [ids.a2, "vendome", 2, 1, 1],
      [ids.a4, null, 1, 0, 0],
    ]);
    const blois = await report("blois");
    expect(blois.caseloads!.map((c) => c.adviserId)).toEqual([ids.a1]);
  });
});

describe("procedures", () => {
  it("stats.dashboard gives the report with caseloads to an admin", async () => {
    const { caller } = await callerAs(h.db, "admin");
    const r = await caller.stats.dashboard({ ...PERIOD, territory: "vendome" });
    expect(r.filters).toEqual({ ...PERIOD, territory: "vendome" });
    expect(r.counts.find((c) => c.key === "beneficiaries_registered")!.total).toBe(2);
    expect(r.caseloads!.map((c) => c.adviserId)).toEqual([ids.a2]);
  });

  it("defaults to the last twelve months ending this month", async () => {
    const { caller } = await callerAs(h.db, "admin");
    const r = await caller.stats.dashboard({});
    expect(r.months).toHaveLength(12);
    expect(r.filters.territory).toBeNull();
    // the "whole département" choice of a select
    expect((await caller.stats.dashboard({ ...PERIOD, territory: "" })).filters).toEqual({ ...PERIOD, territory: null });
  });

  it("refuses a bad month, a period backwards or too long, and an unknown territory, field by field", async () => {
    const { caller } = await callerAs(h.db, "admin");
    expect(await fieldErrors(caller.stats.dashboard({ from: "2026-13" }))).toHaveProperty("from");
    expect(await fieldErrors(caller.stats.dashboard({ from: "2026-05", to: "2026-02" }))).toEqual({ from: [expect.stringContaining("précéder")] });
    expect(await fieldErrors(caller.stats.dashboard({ from: "2022-01", to: "2026-01" }))).toEqual({ to: [expect.stringContaining("36 mois")] });
    expect(await fieldErrors(caller.stats.dashboard({ ...PERIOD, territory: "atlantis" }))).toEqual({ territory: ["Ce territoire n'existe pas dans cette instance."] });
    const anonymous = await callerFor(h.db, null);
    expect(await fieldErrors(anonymous.stats.public({ to: "juin" }))).toHaveProperty("to");
  });

  it("advisers, employers and beneficiaries are refused the dashboard", async () => {
    for (const role of ["adviser", "employer", "beneficiary"] as const) {
      const { caller } = await callerAs(h.db, role, { territoryCode: role === "adviser" ? "romorantin" : null });
      const err = await caller.stats.dashboard(PERIOD).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TRPCError);
      expect((err as TRPCError).code).toBe("FORBIDDEN");
    }
  });

  it("stats.public hides every count below 5 and has no caseloads", async () => {
    const anonymous = await callerFor(h.db, null);
    const r = await anonymous.stats.public(PERIOD);
    expect(r.caseloads).toBeUndefined();
    expect(r.filters.territory).toBeNull();
    // every figure of this small fixture is below 5
    for (const c of r.counts) {
      expect(c.total).toBeNull();
      expect(c.months.every((m) => m.value === null)).toBe(true);
    }
    for (const x of r.retention) expect([x.eligible, x.retained, x.notRetained, x.unknown, x.rate]).toEqual([null, null, null, null, null]);
    for (const d of r.delays) expect([d.medianDays, d.people]).toEqual([null, null]);
    expect(r.exits.rows.every((e) => e.count === null)).toBe(true);
    // the same report, unhidden, has these figures
    const full = await report(null);
    expect(publicReport(full, "2026-10").counts.map((c) => c.total)).toEqual(r.counts.map((c) => c.total));
  });
});

describe("the public report's cache", () => {
  it("computes a period once every five minutes: a new sign-up shows only after that", async () => {
    clearPublicReportCache();
    const at = new Date("2026-11-22T12:00:00Z");
    const first = await cachedPublicReport(h.db, { from: "2026-10", to: "2026-10" }, at);
    for (let i = 0; i < 6; i++) await profile(`cached${i}`, "2026-10-10T10:00:00Z", "blois", null, false);
    const soon = await cachedPublicReport(h.db, { from: "2026-10", to: "2026-10" }, new Date(at.getTime() + 60_000));
    expect(soon).toBe(first);
    const later = await cachedPublicReport(h.db, { from: "2026-10", to: "2026-10" }, new Date(at.getTime() + 6 * 60_000));
    const registered = (r: StatsReport) => r.counts.find((c) => c.key === "beneficiaries_registered")!.total;
    expect(registered(later)).toBe((registered(first) ?? 0) + 6);
    clearPublicReportCache();
  });

  it("publishes closed months only: the month still running is refused in French", async () => {
    const at = new Date("2026-11-22T12:00:00Z");
    await expect(cachedPublicReport(h.db, { from: "2026-11", to: "2026-11" }, at)).rejects.toMatchObject({
      fields: { from: ["Seuls les mois terminés sont publiés : le dernier mois possible est 2026-10."] },
    });
    await expect(cachedPublicReport(h.db, { from: "2026-06", to: "2026-11" }, at)).rejects.toMatchObject({
      fields: { to: ["Seuls les mois terminés sont publiés : le dernier mois possible est 2026-10."] },
    });
    // by default, the twelve months up to the last closed one
    expect((await cachedPublicReport(h.db, {}, at)).filters).toEqual({ from: "2025-11", to: "2026-10", territory: null });
  });
});

describe("CSV downloads", () => {
  it("the admin's counts as a French spreadsheet file", async () => {
    const res = await statsCsvHttp(h.db, new URLSearchParams({ table: "counts", ...PERIOD, territory: "blois" }), "admin", NOW);
    expect(res.status).toBe(200);
    expect(res.headers["Content-Disposition"]).toBe('attachment; filename="statistiques-counts-2026-01-2026-06.csv"');
    expect(res.body.startsWith("\uFEFFIndicateur;2026-01;2026-02;2026-03;2026-04;2026-05;2026-06;Total;Mode de calcul\r\n")).toBe(true);
    const hires = res.body.split("\r\n").find((l) => l.startsWith("Embauches;"))!;
    expect(hires.split(";").slice(0, 8)).toEqual(["Embauches", "1", "0", "1", "0", "1", "0", "3"]);
  });

  it("the public retention table shows hidden cells as hidden, and refuses caseloads and territories", async () => {
    const res = await statsCsvHttp(h.db, new URLSearchParams({ table: "retention", ...PERIOD }), "public", NOW);
    expect(res.status).toBe(200);
    expect(res.body).toContain("Maintien en emploi à 1 mois;Toute la période;masqué;masqué;masqué;masqué;;");
    const caseloads = await statsCsvHttp(h.db, new URLSearchParams({ table: "caseloads" }), "public", NOW);
    expect(caseloads.status).toBe(400);
    const territory = await statsCsvHttp(h.db, new URLSearchParams({ table: "counts", territory: "blois" }), "public", NOW);
    expect(territory.status).toBe(400);
    expect(JSON.parse(territory.body).error).toContain("territory");
  });

  it("a bad query is a 400 in French, not a crash", async () => {
    const bad = await statsCsvHttp(h.db, new URLSearchParams({ table: "counts", from: "2026-06", to: "2026-01" }), "admin", NOW);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toBe("premier mois : Le premier mois doit précéder le dernier (ou être le même).");
    const unknown = await statsCsvHttp(h.db, new URLSearchParams({ table: "counts", territory: "atlantis" }), "admin", NOW);
    expect(unknown.status).toBe(400);
    const table = await statsCsvHttp(h.db, new URLSearchParams({ table: "everything" }), "admin", NOW);
    expect(table.status).toBe(400);
    expect(JSON.parse(table.body).error).toContain("counts, retention, delays, exits, caseloads");
  });
});

describe("cli stats", () => {
  it("--json prints the report for scripts; without it, a readable summary", async () => {
    let printed = "";
    await statsCommand(h.db, { json: true, ...PERIOD, territory: "blois" }, (s) => (printed += s), () => {});
    const json = JSON.parse(printed) as StatsReport;
    expect(json.filters).toEqual({ ...PERIOD, territory: "blois" });
    expect(json.counts.find((c) => c.key === "hires")).toMatchObject({ total: 3, months: MONTHS.map((month, i) => ({ month, value: [1, 0, 1, 0, 1, 0][i] })) });
    expect(json.caseloads!.map((c) => c.adviserId)).toEqual([ids.a1]);
    let text = "";
    await statsCommand(h.db, PERIOD, (s) => (text += s), () => {});
    expect(text).toMatch(/Embauches\s+4\s+1 0 1 0 1 1/);
  });

  it("refuses bad options with the option's name", async () => {
    expect(() => checkStatsArgs({ from: "2026-1" })).toThrow(/--from : Mois attendu/);
    expect(() => checkStatsArgs({ from: "2026-06", to: "2026-01" })).toThrow(UsageError);
    expect(() => checkStatsArgs({ to: true })).toThrow("--to attend une valeur");
    await expect(statsCommand(h.db, { territory: "atlantis" }, () => {}, () => {})).rejects.toThrow("--territory : Ce territoire n'existe pas dans cette instance.");
  });
});
