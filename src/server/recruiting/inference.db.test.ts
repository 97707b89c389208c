import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { DatabaseHandle } from "../db/client";
import { queryRows } from "../db/client";
import { WEIGHTS } from "../matching/score";
import { haversineKm } from "../geo/distance";
import { offers } from "../offers/schema";
import { romeJobTitles } from "../referentials/schema";
import { CANDIDATE_QUOTA, candidateQuotaFor } from "../ratelimit/limits";
import { rateLimitHits } from "../ratelimit/schema";
import { callerAs, callerFor, makeUser } from "../testing/callers";
import { openTestDatabase } from "../testing/db";
import { clearMatchingData, communePoint, makeOrganisation, makeOffer, makeProfile } from "../testing/factories";
import { httpClient } from "../testing/http";
import { DISTANCE_BANDS } from "./bands";
import type { CandidateList } from "./candidates";
import { candidateHandle } from "./handles";
import { instanceToday } from "../config/time-zone";

// What an organisation can INFER from the answers it is allowed (issue 15, items 1–3): the
// attacks of the report, played against the procedures, and what they now yield.

const BLOIS = "41018";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await clearMatchingData(h.db);
  await h.db.delete(rateLimitHits);
});

type LngLat = { lat: number; lng: number };
const shift = (p: LngLat, dLat: number, dLng: number): LngLat => ({
  lat: Number((p.lat + dLat).toFixed(6)),
  lng: Number((p.lng + dLng).toFixed(6)),
});

/** The offer-form fields of a complete offer at a point (what offers.update takes). */
async function offerFields(point: LngLat, insee: string, romeCode = "J1501") {
  const [t] = await h.db.select().from(romeJobTitles).where(eq(romeJobTitles.romeCode, romeCode)).limit(1);
  return {
    title: "Poste à pourvoir",
    jobCode: String(t!.ogrCode),
    communeInsee: insee,
    point,
    radiusKm: 30,
    contract: "cdi" as const,
    hoursPerWeek: 35,
    shifts: ["day" as const],
    licenceRequired: false,
    vehicleRequired: false,
    positions: 1,
    startsOn: instanceToday(),
    expiresOn: null,
    requiredSkills: [],
    wishedSkills: [],
    description: "Un poste.",
  };
}

async function versionOf(offerId: string) {
  const [o] = await h.db.select({ version: offers.version }).from(offers).where(eq(offers.id, offerId));
  return o!.version;
}

describe("position: nothing reveals more than the commune", () => {
  it("the trilateration attack over HTTP (binary search on the radius from three offer positions) recovers the commune's point, not the home", async () => {
    const blois = (await communePoint(h.db, BLOIS)).point;
    // the home: a precise point about 1.6 km from the commune's reference point
    const home = shift(blois, 0.0125, -0.009);
    const homeToCommune = haversineKm(home, blois);
    expect(homeToCommune).toBeGreaterThan(1.4);
    const mireille = await makeProfile(h.db, BLOIS, { firstName: "Mireille", point: home, preciseLocation: true });
    // her twin lives at the commune's reference point: every answer must be the same for both
    const zoe = await makeProfile(h.db, BLOIS, { firstName: "Zoé", preciseLocation: false });

    const acme = await makeOrganisation(h.db, "company");
    const api = httpClient(h.db, acme.owner.id);
    const positions = [shift(blois, 0.11, 0), shift(blois, -0.06, 0.13), shift(blois, -0.06, -0.13)];
    const offerIds = [];
    for (const point of positions) offerIds.push((await makeOffer(h.db, BLOIS, { employerId: acme.employerId, point, radiusKm: 30 })).id);

    // the report's attack needs a continuous radius: every value but the bands is refused
    for (const km of [1, 2.5, 7, 12, 17.3, 25, 40, 100, 200]) {
      const r = await api.query("recruiting.candidates", { offerId: offerIds[0], maxDistanceKm: km });
      expect(r).toMatchObject({ status: 400, error: { code: "BAD_REQUEST" } });
      expect(r.error!.message).toContain("Choisissez une distance parmi 5, 10, 20, 30, 50 km.");
    }

    type Seen = { band: string | null; score: number | null; within: number | null };
    const observe = async (offerId: string, initial: string): Promise<Seen> => {
      // binary search over the radii the API accepts: the smallest one that lists her
      let lo = 0;
      let hi = DISTANCE_BANDS.length - 1;
      let within: number | null = null;
      let card: CandidateList["items"][number] | undefined;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const r = await api.query<CandidateList>("recruiting.candidates", { offerId, maxDistanceKm: DISTANCE_BANDS[mid] });
        expect(r.status).toBe(200);
        const found = r.data!.items.find((i) => i.pseudonym === `Candidat ${initial}.`);
        if (found) {
          within = DISTANCE_BANDS[mid]!;
          card = found;
          hi = mid - 1;
        } else lo = mid + 1;
      }
      return { band: card?.distanceLabel ?? null, score: card?.score ?? null, within };
    };

    const distances: number[] = [];
    for (const offerId of offerIds) {
      const her = await observe(offerId, "M");
      const twin = await observe(offerId, "Z");
      // nothing observable depends on the precise point
      expect(her).toEqual(twin);
      expect(her.score).not.toBeNull();
      // the score's proximity part gives the distance back: from the commune's point
      const { job, proximity } = WEIGHTS;
      const prox = ((her.score! / 100) * (job + proximity) - job) / proximity;
      distances.push((1 - prox) * 30);
    }

    // least squares over a 50 m grid around the département's middle: the best point
    const km = (p: LngLat, q: LngLat) => haversineKm(p, q);
    let best = blois;
    let bestErr = Number.POSITIVE_INFINITY;
    for (let i = -120; i <= 120; i++) {
      for (let j = -120; j <= 120; j++) {
        const p = { lat: blois.lat + i * 0.00045, lng: blois.lng + j * 0.00066 };
        const err = positions.reduce((s, o, k) => s + (km(p, o) - distances[k]!) ** 2, 0);
        if (err < bestErr) {
          bestErr = err;
          best = p;
        }
      }
    }
    console.info(
      `trilateration: recovered point ${(km(best, blois) * 1000).toFixed(0)} m from the commune's point, ${(km(best, home) * 1000).toFixed(0)} m from the home (commune's point: ${(homeToCommune * 1000).toFixed(0)} m from it)`,
    );
    // the attack converges on the commune's reference point …
    expect(km(best, blois)).toBeLessThan(0.3);
    // … and gets no closer to the home than the commune's point is
    expect(km(best, home)).toBeGreaterThanOrEqual(homeToCommune - 0.3);

    // moving a published offer to sharpen the picture: twice a day, then refused
    const fields = await offerFields(positions[0]!, BLOIS);
    for (const [n, point] of [shift(blois, 0.05, 0.02), shift(blois, 0.02, 0.05)].entries()) {
      const moved = await api.mutation("offers.update", { offerId: offerIds[0], version: await versionOf(offerIds[0]!), ...fields, point });
      expect(moved.status, `move ${n + 1}`).toBe(200);
    }
    const third = await api.mutation("offers.update", {
      offerId: offerIds[0],
      version: await versionOf(offerIds[0]!),
      ...fields,
      point: shift(blois, 0.03, 0.03),
    });
    expect(third).toMatchObject({ status: 429, error: { code: "TOO_MANY_REQUESTS" } });
    expect(third.error!.message).toMatch(/^Le lieu de cette offre a déjà changé plusieurs fois aujourd'hui\. Vous pourrez le modifier de nouveau dans \d+ heures\.$/);
    // other changes of a published offer stay free
    const retitled = await api.mutation("offers.update", {
      offerId: offerIds[0],
      version: await versionOf(offerIds[0]!),
      ...fields,
      point: shift(blois, 0.02, 0.05),
      title: "Aide-soignant de nuit",
    });
    expect(retitled.status).toBe(200);

    // a draft, moved at will, ranks nobody
    const draft = await makeOffer(h.db, BLOIS, { employerId: acme.employerId, status: "draft" });
    const refused = await api.query("recruiting.candidates", { offerId: draft.id });
    expect(refused).toMatchObject({ status: 412, error: { code: "PRECONDITION_FAILED" } });
    expect(refused.error!.message).toContain("Publiez l'offre pour voir les candidats");
    expect(mireille.id).not.toBe(zoe.id);
  });

  it("cards show distance bands, and the adviser's raw ranking reads commune points too", async () => {
    const blois = (await communePoint(h.db, BLOIS)).point;
    const p = await makeProfile(h.db, BLOIS, { point: shift(blois, 0.03, 0), preciseLocation: true });
    const offer = await makeOffer(h.db, BLOIS, { point: blois });
    const [m] = await queryRows<{ d: number }>(
      h.db,
      sql`select ST_Distance(m.location, c.location, false) as d
        from profile_match_points m join communes c on c.insee = ${BLOIS} where m.profile_id = ${p.id}::uuid`,
    );
    expect(Number(m!.d)).toBeLessThan(1);
    const { caller: admin } = await callerAs(h.db, "admin");
    const [ranked] = await admin.matching.candidatesForOffer({ offerId: offer.id });
    // 3.3 km from the precise point, 0 from the commune's
    expect(ranked!.distanceKm).toBe(0);
  });
});

describe("harvesting: one organisation lists only a small share", () => {
  // 1,000 requests: about 30 s on PostgreSQL, 45–75 s on PGlite on a loaded 2-core machine
  it("an organisation moving its offers and changing job codes for 1,000 requests reaches only a small share of the visible candidates", { timeout: 300_000 }, async () => {
    const communes = await queryRows<{ insee: string }>(
      h.db,
      sql`select insee from communes where departement = '41' order by population desc limit 12`,
    );
    const jobs = await queryRows<{ code: string }>(
      h.db,
      sql`select distinct on (left(code, 1)) code from rome_jobs
        where left(code, 1) in ('J', 'K', 'N', 'G', 'F') order by left(code, 1), code`,
    );
    expect(jobs).toHaveLength(5);
    const VISIBLE = 200;
    const people: string[] = [];
    for (let i = 0; i < VISIBLE; i++) {
      const romeCode = jobs[i % jobs.length]!.code;
      const p = await makeProfile(h.db, communes[i % communes.length]!.insee, {
        maxDistanceKm: 50,
        jobs: [{ kind: "sought", romeCode, label: romeCode }],
      });
      people.push(p.id);
    }
    const quota = candidateQuotaFor(VISIBLE);
    expect(quota).toBe(Math.max(CANDIDATE_QUOTA.min, Math.floor(CANDIDATE_QUOTA.share * VISIBLE)));

    const acme = await makeOrganisation(h.db, "company");
    const caller = await callerFor(h.db, acme.owner.id);
    const places = await Promise.all(communes.map((c) => communePoint(h.db, c.insee)));
    const offerIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      offerIds.push((await makeOffer(h.db, places[i]!.insee, { employerId: acme.employerId, radiusKm: 50 })).id);
    }
    // who is behind each handle (the test knows; the organisation does not)
    const owner = new Map<string, string>();
    const learn = (offerId: string) => {
      for (const id of people) owner.set(candidateHandle(offerId, id), id);
    };
    offerIds.forEach(learn);

    const seen = new Set<string>();
    let lists = 0;
    let quotaRefusals = 0;
    let moveRefusals = 0;
    let lastNotice: string | null = null;
    for (let i = 0; i < 1000; i++) {
      const offerId = offerIds[i % offerIds.length]!;
      const step = i % 5;
      if (i % 100 === 99) {
        // a brand-new published offer somewhere else
        const place = places[(i / 100) % places.length | 0]!;
        const o = await makeOffer(h.db, place.insee, { employerId: acme.employerId, radiusKm: 50, romeCode: jobs[i % 5]!.code });
        offerIds.push(o.id);
        learn(o.id);
      } else if (step === 0 || step === 1) {
        // move the offer and change its job code
        const place = places[(i * 7) % places.length]!;
        const fields = await offerFields(place.point, place.insee, jobs[(i >> 1) % jobs.length]!.code);
        if (step === 1) fields.point = shift(place.point, 0.01, 0); // same commune, another point: job code only
        try {
          await caller.offers.update({ offerId, version: await versionOf(offerId), ...fields });
        } catch (err) {
          expect(err).toMatchObject({ code: "TOO_MANY_REQUESTS" });
          moveRefusals++;
        }
      } else {
        lists++;
        try {
          const list = await caller.recruiting.candidates({
            offerId,
            maxDistanceKm: DISTANCE_BANDS[i % DISTANCE_BANDS.length],
            licence: i % 2 === 0,
            limit: 100,
          });
          for (const item of list.items) seen.add(owner.get(item.candidateId)!);
          lastNotice = list.quotaNotice ?? lastNotice;
        } catch (err) {
          expect(err).toMatchObject({ code: "TOO_MANY_REQUESTS" });
          expect((err as Error).message).toMatch(/Vous pourrez en voir de nouveaux dans \d+ heures\.$/);
          quotaRefusals++;
        }
      }
    }
    seen.delete(undefined as unknown as string);
    expect(lists).toBeGreaterThan(500);
    expect(moveRefusals).toBeGreaterThan(0);
    expect(quotaRefusals).toBeGreaterThan(0);
    expect(lastNotice ?? "").toContain("Vous pourrez en voir de nouveaux");
    // the organisation reached at most its quota: a small share of the visible candidates
    expect(seen.size).toBeGreaterThan(0);
    expect(seen.size).toBeLessThanOrEqual(quota);
    expect(seen.size / VISIBLE).toBeLessThanOrEqual(0.1);
    console.info(`harvesting: ${lists} lists, ${seen.size} of ${VISIBLE} candidates reached (quota ${quota})`);

    // another organisation is not blocked by the first one's use
    const rival = await makeOrganisation(h.db, "company");
    const rivalOffer = await makeOffer(h.db, places[0]!.insee, { employerId: rival.employerId, radiusKm: 50 });
    const theirs = await (await callerFor(h.db, rival.owner.id)).recruiting.candidates({ offerId: rivalOffer.id });
    expect(theirs.items.length).toBeGreaterThan(0);
  });

  it("two offers' lists of the same people share no identifier, and a handle of one offer opens nothing on the other", async () => {
    const acme = await makeOrganisation(h.db, "company");
    const caller = await callerFor(h.db, acme.owner.id);
    const people = [];
    for (let i = 0; i < 5; i++) people.push(await makeProfile(h.db, BLOIS));
    const a = await makeOffer(h.db, BLOIS, { employerId: acme.employerId });
    const b = await makeOffer(h.db, BLOIS, { employerId: acme.employerId });
    const la = await caller.recruiting.candidates({ offerId: a.id });
    const lb = await caller.recruiting.candidates({ offerId: b.id });
    expect(la.items).toHaveLength(5);
    expect(lb.items).toHaveLength(5);
    const ids = (l: CandidateList) => new Set(l.items.flatMap((i) => [i.candidateId, i.reference]));
    const shared = [...ids(la)].filter((x) => ids(lb).has(x));
    expect(shared).toEqual([]);
    // and no profile id anywhere
    for (const p of people) expect(JSON.stringify([la, lb])).not.toContain(p.id);
    const fromA = la.items[0]!.candidateId;
    await expect(caller.recruiting.candidate({ offerId: b.id, candidateId: fromA })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.proposals.create({ offerId: b.id, candidateId: fromA })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.recruiting.recordHire({ offerId: b.id, candidateId: fromA })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // a profile id where a handle is expected is refused
    await expect(caller.recruiting.candidate({ offerId: a.id, candidateId: people[0]!.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.proposals.create({ offerId: a.id, profileId: people[0]!.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // the same handle on its own offer works
    expect((await caller.recruiting.candidate({ offerId: a.id, candidateId: fromA })).card.candidateId).toBe(fromA);
  });

  it("seeing the same people again (refresh, paging, a second offer) costs nothing", async () => {
    const acme = await makeOrganisation(h.db, "company", 1);
    const caller = await callerFor(h.db, acme.owner.id);
    for (let i = 0; i < 30; i++) await makeProfile(h.db, BLOIS);
    const a = await makeOffer(h.db, BLOIS, { employerId: acme.employerId });
    const b = await makeOffer(h.db, BLOIS, { employerId: acme.employerId });
    const first = await caller.recruiting.candidates({ offerId: a.id, limit: 10 });
    expect(first.items).toHaveLength(10);
    expect(first.quotaNotice).toBeNull();
    for (let i = 0; i < 5; i++) expect((await caller.recruiting.candidates({ offerId: a.id, limit: 10 })).items).toHaveLength(10);
    expect((await caller.recruiting.candidates({ offerId: b.id, limit: 10 })).items).toHaveLength(10);
    // the quota (20 here) then lets 10 more people in, and no more
    const more = await caller.recruiting.candidates({ offerId: a.id, limit: 30 });
    expect(more.items).toHaveLength(20);
    expect(more.quotaNotice).toContain("Vous pourrez en voir de nouveaux");
    // a recruiter of the same organisation shares its quota
    const theirs = await (await callerFor(h.db, acme.recruiters[0]!.id)).recruiting.candidates({ offerId: a.id, limit: 30 });
    expect(theirs.items).toHaveLength(20);
  });

  it("an adviser pays the same quota for people outside their reach, never for their own territory's", async () => {
    for (let i = 0; i < 30; i++) await makeProfile(h.db, BLOIS, { territoryCode: "blois" });
    const offer = await makeOffer(h.db, BLOIS);
    const outside = await callerFor(h.db, (await makeUser(h.db, "adviser", { territoryCode: "vendome" })).id);
    const list = await outside.recruiting.candidates({ offerId: offer.id, limit: 100 });
    expect(list.items).toHaveLength(candidateQuotaFor(30));
    expect(list.quotaNotice).toContain("Vous pourrez en voir de nouveaux");
    await expect(outside.recruiting.candidates({ offerId: offer.id, limit: 100 })).resolves.toMatchObject({ quotaNotice: expect.any(String) });
    const inside = await callerFor(h.db, (await makeUser(h.db, "adviser", { territoryCode: "blois" })).id);
    const mine = await inside.recruiting.candidates({ offerId: offer.id, limit: 100 });
    expect(mine.items).toHaveLength(30);
    expect(mine.quotaNotice).toBeNull();
  });
});

describe("free text never reaches an organisation before consent", () => {
  it("a name and a phone number in every free field appear in no organisation-facing answer", async () => {
    const NAME = "Mireille Secretnom";
    const PHONE = "06 12 34 56 78";
    const secret = `${NAME} ${PHONE}`;
    const user = await makeUser(h.db, "beneficiary");
    const p = await makeProfile(h.db, BLOIS, {
      userId: user.id,
      firstName: "Mireille",
      lastName: "Secretnom",
      email: "mireille.secretnom@example.org",
      phone: PHONE,
      externalId: `CAF ${secret}`,
      about: `Appelez ${secret}`,
      jobs: [
        { kind: "sought", romeCode: "J1501", label: `Aide-soignant ${secret}` },
        { kind: "done", romeCode: "J1501", label: `Soins ${secret}`, years: 3 },
      ],
      formations: [{ title: `Diplôme de ${secret}`, romeCodes: ["J1501"], year: 2020, completed: true }],
    });
    const acme = await makeOrganisation(h.db, "company");
    const offer = await makeOffer(h.db, BLOIS, { employerId: acme.employerId });
    const api = httpClient(h.db, acme.owner.id);
    const list = await api.query<CandidateList>("recruiting.candidates", { offerId: offer.id });
    expect(list.status).toBe(200);
    const card = list.data!.items[0]!;
    const one = await api.query("recruiting.candidate", { offerId: offer.id, candidateId: card.candidateId });
    expect(one.status).toBe(200);
    const inbox = await api.query("recruiting.inbox", { offerId: offer.id });
    // a pending contact request does not open anything either
    expect((await api.mutation("proposals.create", { offerId: offer.id, candidateId: card.candidateId, message: "Bonjour" })).status).toBe(200);
    const pending = await api.query("recruiting.candidate", { offerId: offer.id, candidateId: card.candidateId });
    const answers = JSON.stringify([list, one, inbox, pending]);
    for (const needle of ["Secretnom", "Mireille", PHONE, "0612345678", "mireille.secretnom", "CAF ", p.id]) {
      expect(answers).not.toContain(needle);
    }
    // what the card says instead: referential labels by code
    expect(card).toMatchObject({
      pseudonym: "Candidat M.",
      jobsSought: ["Aide-soignant / Aide-soignante"],
      jobsDone: [{ label: "Aide-soignant / Aide-soignante", years: 3 }],
      formations: [{ leadsTo: ["Aide-soignant / Aide-soignante"], year: 2020 }],
    });
  });
});
