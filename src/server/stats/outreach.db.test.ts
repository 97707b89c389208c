import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { makeUser } from "../testing/callers";
import { makeOffer, makeProfile } from "../testing/factories";
import { statsCsvHttp } from "./http";
import { statsReport } from "./report";

// Connections, answers and messages of February–March 2025, every row dated by hand.
let h: DatabaseHandle;
const FILTERS = { from: "2025-02", to: "2025-03", territory: null };
const NOW = new Date("2025-04-10T10:00:00Z");

beforeAll(async () => {
  h = await (await import("../testing/db")).openTestDatabase();
  const adviser = await makeUser(h.db, "adviser");
  const offer = await makeOffer(h.db, "41018");
  const x = (q: ReturnType<typeof sql>) => h.db.execute(q);
  const people: Array<{ user: Awaited<ReturnType<typeof makeUser>>; profile: { id: string } }> = [];
  for (let i = 0; i < 4; i++) {
    const user = await makeUser(h.db, "beneficiary");
    people.push({ user, profile: await makeProfile(h.db, "41018", { userId: user.id, adviserId: i < 3 ? adviser.id : null, territoryCode: "blois" }) });
  }
  // three applications in February: one answered after 10 h, one after 30 h, one never; one in March answered after 2 h
  const apply = (p: number, at: string, answeredAfterHours: number | null) =>
    x(sql`insert into applications (profile_id, offer_id, status, created_at, answered_at)
      values (${people[p]!.profile.id}::uuid, ${offer.id}::uuid, ${answeredAfterHours === null ? "sent" : "declined"}, ${at}::timestamptz,
        ${answeredAfterHours === null ? null : sql`${at}::timestamptz + ${`${answeredAfterHours} hours`}::interval`})`);
  await apply(0, "2025-02-03T09:00:00Z", 10);
  await apply(1, "2025-02-10T09:00:00Z", 30);
  await apply(2, "2025-02-20T09:00:00Z", null);
  // March: another offer for the same person
  const offer2 = await makeOffer(h.db, "41018");
  await x(sql`insert into applications (profile_id, offer_id, status, created_at, answered_at)
    values (${people[0]!.profile.id}::uuid, ${offer2.id}::uuid, 'interview', '2025-03-05T09:00:00Z', '2025-03-05T11:00:00Z')`);
  // an employer's contact request accepted in March
  const employer = await makeUser(h.db, "employer");
  await x(sql`insert into proposals (profile_id, offer_id, from_kind, from_user_id, status, answered_at, created_at)
    values (${people[3]!.profile.id}::uuid, ${offer.id}::uuid, 'employer', ${employer.id}::uuid, 'accepted', '2025-03-12T10:00:00Z', '2025-03-11T10:00:00Z')`);
  // alerts: two items sent in February, one clicked in March
  await x(sql`insert into alert_items (user_id, kind, entity_id, token, sent_at, clicked_at) values
    (${people[0]!.user.id}::uuid, 'offer', ${offer.id}::uuid, 't1', '2025-02-17T07:00:00Z', '2025-03-01T12:00:00Z'),
    (${people[1]!.user.id}::uuid, 'offer', ${offer.id}::uuid, 't2', '2025-02-17T07:00:00Z', null)`);
  // messages: one e-mail and two SMS sent in March, one SMS never sent
  await x(sql`insert into email_outbox (to_address, subject, body, user_id, sent_at) values ('a@test.example', 's', 'b', ${people[0]!.user.id}::uuid, '2025-03-02T10:00:00Z')`);
  await x(sql`insert into message_outbox (user_id, channel, category, event_key, to_address, title, body, sent_at, done_at) values
    (${people[0]!.user.id}::uuid, 'sms', 'contact_request', 'e1', '+33612345678', 't', 'b', '2025-03-02T10:00:00Z', '2025-03-02T10:00:00Z'),
    (${people[1]!.user.id}::uuid, 'sms', 'contact_request', 'e2', '+33612345679', 't', 'b', '2025-03-03T10:00:00Z', '2025-03-03T10:00:00Z'),
    (${people[2]!.user.id}::uuid, 'sms', 'contact_request', 'e3', '+33612345670', 't', 'b', null, null)`);
  // a hire in March of the person nobody follows, and one of a followed person
  for (const p of [2, 3]) {
    await x(sql`insert into placements (profile_id, job_title, starts_on, territory_code) values (${people[p]!.profile.id}::uuid, 'Vendeur', '2025-03-15', 'blois')`);
  }
});
afterAll(async () => {
  await h?.close();
});

describe("connections, answers and messages on the dashboard", () => {
  it("counts each by month and computes the answer rate and median delay", async () => {
    const report = await statsReport(h.db, FILTERS, { now: NOW, withOutreach: true });
    const figure = (key: string) => report.outreach!.counts.find((c) => c.key === key)!.months.map((m) => m.value);
    expect(figure("connections")).toEqual([3, 2]);
    expect(figure("applications_answered")).toEqual([2, 1]);
    expect(figure("alerts_sent")).toEqual([2, 0]);
    expect(figure("alerts_clicked")).toEqual([0, 1]);
    expect(figure("emails_sent")).toEqual([0, 1]);
    expect(figure("sms_sent")).toEqual([0, 2]);
    expect(figure("push_sent")).toEqual([0, 0]);
    expect(figure("hires_not_followed")).toEqual([0, 1]);
    const answers = report.outreach!.answers;
    expect(answers).toMatchObject({ applications: 4, answered: 3 });
    expect(answers.rate).toBeCloseTo(0.75);
    expect(answers.medianHours).toBeCloseTo(10);
  });

  it("the admin CSV has them; the public download refuses the table, and the public report never holds them", async () => {
    const csv = await statsCsvHttp(h.db, new URLSearchParams({ table: "outreach", from: "2025-02", to: "2025-03" }), "admin", NOW);
    expect(csv.status).toBe(200);
    expect(csv.body).toContain("SMS envoyés;0;2;2;");
    expect(csv.body).toContain("Réponses des organisations;4;3;75,0;10,0;");
    const refused = await statsCsvHttp(h.db, new URLSearchParams({ table: "outreach", from: "2025-02", to: "2025-03" }), "public", NOW);
    expect(refused.status).toBe(400);
    const plain = await statsReport(h.db, FILTERS, { now: NOW });
    expect(plain.outreach).toBeUndefined();
  });
});
