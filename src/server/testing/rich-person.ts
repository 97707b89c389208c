// A beneficiary with something in every corner of the database (for the privacy tests: the
// export must show it all, the erasure must leave none of it).
import { eq, sql } from "drizzle-orm";
import { verifySignIn } from "../auth/accounts";
import { queryRows, type Database } from "../db/client";
import { instanceToday } from "../config/time-zone";
import { addMonths } from "../../lib/dates";
import { sendDueReminders } from "../followup/reminders";
import { beneficiaryProfiles } from "../profiles/schema";
import { rateLimitHits } from "../ratelimit/schema";
import { candidateHandle } from "../recruiting/handles";
import { signUpConfirmed } from "./sign-up";
import { callerAs, callerFor } from "./callers";
import { makeOrganisation, makeOffer } from "./factories";

let n = 0;

export async function seedRichPerson(db: Database) {
  n++;
  const firstName = `Zéphyrine${n}x`;
  const lastName = `Quillembeau${n}y`;
  const email = `zephyrine.quillembeau.${n}.${Date.now()}@exemple.fr`;
  const phone = `06 71 42 9${n % 10} 58`;
  const externalId = `RSA-77-44${n}${Date.now() % 100000}`;
  const password = "Jardin-Bleu-2026";
  const anon = await callerFor(db, null, `203.0.113.${n}`);
  const user = await signUpConfirmed(anon, db, { role: "beneficiary", firstName, lastName, email, password, acceptTerms: true });
  const me = await callerFor(db, user.id);
  await me.profile.savePlace({ communeInsee: "41018" });
  await me.profile.saveJobs({ sought: [{ ogrCode: 10891 }], done: [] });
  await me.profile.saveVisibility({ visible: true });
  const profileId = (await me.profile.mine()).profile!.id;

  const { user: adviser, caller: adviserCaller } = await callerAs(db, "adviser", { territoryCode: "blois" });
  await db.update(beneficiaryProfiles).set({ phone, externalId, adviserId: adviser.id, territoryCode: "blois" }).where(eq(beneficiaryProfiles.id, profileId));

  // applications, an offer view, proposals from a company and from the adviser
  const company = await makeOrganisation(db);
  const offer = await makeOffer(db, "41018", { employerId: company.employerId });
  const offer2 = await makeOffer(db, "41018", { employerId: company.employerId });
  await me.applications.applyToOffer({ offerId: offer.id, message: `Bonjour, ${firstName} ${lastName}, disponible tout de suite.` });
  await me.offers.recordView({ offerId: offer.id });
  const companyCaller = await callerFor(db, company.owner.id);
  const contact = await companyCaller.proposals.create({ candidateId: candidateHandle(offer2.id, profileId), offerId: offer2.id, message: "Nous aimerions vous rencontrer." });
  await me.proposals.answer({ proposalId: contact.id, accept: true });
  await adviserCaller.proposals.create({ profileId, offerId: offer.id, message: "Cette offre est pour vous." });

  // the adviser opens the file, writes a note, records a hire; a check-in is recorded and reminders go out
  await adviserCaller.caseload.file({ profileId });
  await adviserCaller.caseload.addNote({ profileId, body: `Appel avec ${firstName} : motivée, cherche à Blois (${phone}).` });
  const today = instanceToday();
  const placement = await adviserCaller.followup.createPlacement({
    profileId,
    employerName: "Boulangerie Martin",
    jobTitle: "Vendeuse en boulangerie",
    romeCode: "D1106",
    contract: "cdd",
    startsOn: addMonths(today, -4),
    hoursPerWeek: 24,
  });
  const view = await adviserCaller.followup.placementsOfProfile({ profileId });
  const first = view.placements.find((p) => p.id === placement.id)!.checkIns[0]!;
  await adviserCaller.followup.recordCheckIn({ checkInId: first.id, outcome: "in_post", note: `${firstName} va bien.` });
  await sendDueReminders(db, today); // the 3-month check-in is due: notification + e-mail to the adviser about her

  // e-mails to her, sign-in attempts, rate-limit rows
  await anon.auth.requestPasswordReset({ email });
  await verifySignIn(db, email, password, "203.0.113.200");
  await verifySignIn(db, email, "Mauvais-Mot-2026", "203.0.113.201");
  await db.insert(rateLimitHits).values([{ bucket: "contact_request", key: user.id }]);
  // the company's daily candidate quota counts her (as a keyed digest of her profile id)
  await companyCaller.recruiting.candidates({ offerId: offer.id });

  return { user, me, profileId, adviser, adviserCaller, company, companyCaller, offer, offer2, firstName, lastName, email, phone, externalId, password };
}

/** Every needle found anywhere in the public schema: table name → needles found in its rows (as JSON text). */
export async function findInWholeDatabase(db: Database, needles: string[]): Promise<Record<string, string[]>> {
  const tables = await queryRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const found: Record<string, string[]> = {};
  for (const { table_name } of tables) {
    const values = sql.join(
      needles.map((x) => sql`(${x.toLowerCase()})`),
      sql`, `,
    );
    // each row turned into JSON text once, then searched for every needle
    const rows = await queryRows<{ needle: string }>(
      db,
      sql`with r as materialized (select lower(row_to_json(t)::text) as j from ${sql.identifier(table_name)} t)
          select n.needle from (values ${values}) as n(needle)
          where exists (select 1 from r where strpos(r.j, n.needle) > 0)`,
    );
    if (rows.length) found[table_name] = rows.map((r) => r.needle);
  }
  return found;
}
