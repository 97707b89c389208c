// PostgreSQL search follows writes at once (triggers in the write's transaction) and queues
// them for Meilisearch; the router's inputs, places and scopes.

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../auth/schema";
import { hashPassword } from "../auth/password";
import { queryRows, type DatabaseHandle } from "../db/client";
import { offers } from "../offers/schema";
import { callerFor, makeUser, sessionFor } from "../testing/callers";
import { clearMatchingData, makeOrganisation, makeFormation, makeOffer, makeProfile } from "../testing/factories";
import { createContext } from "../api/context";
import { createCallerFactory } from "../trpc/init";
import { documentIdPages, documentRows } from "./documents";
import { createPostgresEngine, rebuildDocuments } from "./postgres";
import { searchRouter } from "./router";
import { instanceToday } from "../config/time-zone";
import { addDays } from "../../lib/dates";

let h: DatabaseHandle;
beforeAll(async () => {
  const { openTestDatabase } = await import("../testing/db");
  h = await openTestDatabase();
  await clearMatchingData(h.db);
});
afterAll(async () => {
  await h?.close();
});

const searchCaller = createCallerFactory(searchRouter);
async function searchAs(userId: string | null) {
  return searchCaller(await createContext(h.db, await sessionFor(h.db, userId), "198.51.100.9"));
}
const engine = () => createPostgresEngine(h.db);
const hitIds = (r: { hits: { id: string }[] }) => r.hits.map((x) => x.id);

async function queued(kind: string, id: string) {
  const rows = await queryRows<{ attempts: number }>(
    h.db,
    sql`select attempts from search_queue where kind = ${kind} and entity_id = ${id}::uuid`,
  );
  return rows;
}

describe("search follows writes", () => {
  it("publishing and closing an offer through the offers module changes the results at once, and queues it", async () => {
    const company = await makeOrganisation(h.db);
    const draft = await makeOffer(h.db, "41018", { employerId: company.employerId, title: "Pâtissier chocolatier", romeCode: "D1104", status: "draft", hoursPerWeek: 35, description: "Fabrication des entremets et des chocolats de la maison." });
    expect(hitIds(await engine().searchOffers({ text: "patissier" }))).not.toContain(draft.id);
    await h.db.execute(sql`delete from search_queue`);

    const employer = await callerFor(h.db, company.owner.id);
    const [{ version }] = (await h.db.select({ version: offers.version }).from(offers).where(sql`id = ${draft.id}::uuid`)) as [{ version: number }];
    await employer.offers.publish({ offerId: draft.id, version });
    expect(hitIds(await engine().searchOffers({ text: "patissier" }))).toEqual([draft.id]);
    expect(await queued("offers", draft.id)).toHaveLength(1);

    // a failed Meilisearch sync left attempts behind: a new change resets them
    await h.db.execute(sql`update search_queue set attempts = 4, next_attempt_at = now() + interval '1 hour' where entity_id = ${draft.id}::uuid`);
    await employer.offers.close({ offerId: draft.id, version: version + 1 });
    expect(hitIds(await engine().searchOffers({ text: "patissier" }))).toEqual([]);
    expect(await queued("offers", draft.id)).toEqual([{ attempts: 0 }]);
    expect(await documentRows(h.db, "offers", [draft.id])).toEqual([]);
  });

  it("an employer's new name reaches its offers' documents", async () => {
    const company = await makeOrganisation(h.db);
    const offer = await makeOffer(h.db, "41018", { employerId: company.employerId, title: "Magasinier" });
    await h.db.execute(sql`update employers set name = 'Transports Beauceron' where id = ${company.employerId}::uuid`);
    const r = await engine().searchOffers({ text: "beauceron magasinier" });
    expect(r.hits).toEqual([expect.objectContaining({ id: offer.id, employerName: "Transports Beauceron" })]);
  });

  it("an offer whose last day has passed leaves search even before anything rewrites it", async () => {
    const offer = await makeOffer(h.db, "41018", { title: "Vendangeur", expiresOn: addDays(instanceToday(), 5) });
    expect(hitIds(await engine().searchOffers({ text: "vendangeur" }))).toEqual([offer.id]);
    // the days pass: the stored document still says the old date range
    await h.db.execute(sql`update search_documents set expires_on = current_date - 1 where entity_id = ${offer.id}::uuid`);
    expect(hitIds(await engine().searchOffers({ text: "vendangeur" }))).toEqual([]);
    expect(await documentRows(h.db, "offers", [offer.id])).toEqual([]);
  });

  it("a person who erases their account through the privacy module is gone from search at once; the erasure syncs the index itself and leaves no id queued", async () => {
    const user = await makeUser(h.db, "beneficiary");
    await h.db.update(users).set({ passwordHash: await hashPassword("Jardin-2026") }).where(sql`id = ${user.id}::uuid`);
    const profile = await makeProfile(h.db, "41018", { userId: user.id, firstName: "Gaëlle", lastName: "Vasseur" });
    expect(hitIds(await engine().searchProfiles({ text: "vasseur" }, { all: true }))).toEqual([profile.id]);
    await h.db.execute(sql`delete from search_queue`);
    await (await callerFor(h.db, user.id)).privacy.eraseMine({ password: "Jardin-2026" });
    expect(hitIds(await engine().searchProfiles({ text: "vasseur" }, { all: true }))).toEqual([]);
    // the erasure drops the document from the engine at once, then its queue row (an id of the person)
    expect(await queued("profiles", profile.id)).toHaveLength(0);
    // nothing of the person stays in the search tables, the typo vocabulary included
    const traces = await queryRows(h.db, sql`select 1 from search_documents where words_norm like '%vasseur%'
      union all select 1 from search_words where word like '%vasseur%' or word like '%gaelle%'`);
    expect(traces).toEqual([]);
  });

  it("a profile's jobs, visibility and archiving follow", async () => {
    const profile = await makeProfile(h.db, "41018", { firstName: "Hugo", lastName: "Perrin", jobs: [{ kind: "sought", romeCode: "N1101", label: "Cariste" }] });
    expect(hitIds(await engine().searchProfiles({ text: "perrin cariste" }, { visibleOnly: true }))).toEqual([profile.id]);
    await h.db.execute(sql`update profile_jobs set label = 'Préparateur de commandes' where profile_id = ${profile.id}::uuid`);
    expect(hitIds(await engine().searchProfiles({ text: "perrin cariste" }, { visibleOnly: true }))).toEqual([]);
    expect(hitIds(await engine().searchProfiles({ text: "perrin preparateur" }, { visibleOnly: true }))).toEqual([profile.id]);
    await h.db.execute(sql`update beneficiary_profiles set visible_to_employers = false where id = ${profile.id}::uuid`);
    expect(hitIds(await engine().searchProfiles({ text: "perrin" }, { visibleOnly: true }))).toEqual([]);
    expect(hitIds(await engine().searchProfiles({ text: "perrin" }, { all: true }))).toEqual([profile.id]);
    await h.db.execute(sql`update beneficiary_profiles set status = 'archived' where id = ${profile.id}::uuid`);
    expect(hitIds(await engine().searchProfiles({ text: "perrin" }, { all: true }))).toEqual([]);
  });

  it("a formation leaves search when unpublished; reindexing rebuilds the same documents", async () => {
    const formation = await makeFormation(h.db, "41018", { title: "Titre professionnel soudeur", romeCodes: ["H2913"] });
    expect(hitIds(await engine().searchFormations({ text: "soudeur" }))).toEqual([formation.id]);
    const before = await documentRows(h.db, "formations", [formation.id]);
    expect(before[0]).toMatchObject({ kind: "formations", entityId: formation.id, title: "Titre professionnel soudeur", domains: ["H"], communeName: "Blois" });
    expect(before[0]!.lat).toBeCloseTo(47.59, 1);
    const rebuilt = await rebuildDocuments(h.db, "formations");
    const pages: string[] = [];
    for await (const page of documentIdPages(h.db, "formations", 2)) pages.push(...page);
    expect(rebuilt.documents).toBe(pages.length);
    expect(pages).toContain(formation.id);
    expect(await documentRows(h.db, "formations", [formation.id])).toEqual([{ ...before[0], updatedAt: expect.any(String) }]);
    await h.db.execute(sql`update formations set status = 'closed' where id = ${formation.id}::uuid`);
    expect(hitIds(await engine().searchFormations({ text: "soudeur" }))).toEqual([]);
  });
});

describe("truncating a table", () => {
  it("takes its documents along and queues them", async () => {
    const offer = await makeOffer(h.db, "41018", { title: "Tuilier" });
    expect(hitIds(await engine().searchOffers({ text: "tuilier" }))).toEqual([offer.id]);
    await h.db.execute(sql`delete from search_queue`);
    await h.db.execute(sql`truncate offers cascade`);
    expect(hitIds(await engine().searchOffers({ text: "tuilier" }))).toEqual([]);
    expect(await queued("offers", offer.id)).toHaveLength(1);
  });
});

describe("search router", () => {
  it("anyone may search offers around a commune; a 10,000-character query is cut, not refused", async () => {
    const offer = await makeOffer(h.db, "41018", { title: "Couvreur zingueur", romeCode: "F1610" });
    const anonymous = await searchAs(null);
    const r = await anonymous.offers({ q: "couvreur", near: { communeInsee: "41018" }, radiusKm: 5 });
    expect(r.engine).toBe("postgres");
    expect(hitIds(r)).toEqual([offer.id]);
    expect(r.hits[0]!.distanceKm).toBeLessThan(5);
    const long = await anonymous.offers({ q: `couvreur ${"🙂".repeat(4_990)}` });
    expect(hitIds(long)).toEqual([offer.id]);
    await expect(anonymous.offers({ q: "x".repeat(10_001) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(anonymous.offers({ q: "", radiusKm: 500, near: { communeInsee: "41018" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(anonymous.offers({ q: "", near: { communeInsee: "99999" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(anonymous.offers({ q: "", limit: 51 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("'home' is the signed-in beneficiary's point and distance, and refused to anyone else", async () => {
    const near = await makeOffer(h.db, "41018", { title: "Plaquiste" });
    const far = await makeOffer(h.db, "41194", { title: "Plaquiste" });
    const user = await makeUser(h.db, "beneficiary");
    await makeProfile(h.db, "41018", { userId: user.id, maxDistanceKm: 15 });
    const r = await (await searchAs(user.id)).offers({ q: "plaquiste", near: { home: true } });
    expect(hitIds(r)).toEqual([near.id]);
    const wider = await (await searchAs(user.id)).offers({ q: "plaquiste", near: { home: true }, radiusKm: 60 });
    expect(hitIds(wider).sort()).toEqual([near.id, far.id].sort());
    await expect((await searchAs(null)).offers({ q: "plaquiste", near: { home: true } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const noProfile = await makeUser(h.db, "beneficiary");
    await expect((await searchAs(noProfile.id)).formations({ q: "", near: { home: true } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("profiles: advisers see their scope, admins everyone, others are refused", async () => {
    const adviser = await makeUser(h.db, "adviser", { territoryCode: "blois" });
    const admin = await makeUser(h.db, "admin");
    const mine = await makeProfile(h.db, "41018", { firstName: "Inès", lastName: "Marchal", adviserId: adviser.id, territoryCode: "blois" });
    const elsewhere = await makeProfile(h.db, "41269", { firstName: "Inès", lastName: "Marchal", territoryCode: "vendome" });
    expect(hitIds(await (await searchAs(adviser.id)).profiles({ q: "marchal" }))).toEqual([mine.id]);
    expect(hitIds(await (await searchAs(admin.id)).profiles({ q: "marchal" })).sort()).toEqual([mine.id, elsewhere.id].sort());
    await expect((await searchAs(null)).profiles({ q: "marchal" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const beneficiary = await makeUser(h.db, "beneficiary");
    await expect((await searchAs(beneficiary.id)).profiles({ q: "marchal" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
