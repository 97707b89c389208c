// What organisations and advisers hear of applications: a new application or registration
// (each recruiter of the offer, or the formation's organisation; the person's adviser), and the
// links their messages open. Called in the transaction that makes the event happen.
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { tell, type Tidings } from "../notifications/tell";
import { recruiterIds } from "../organisations/contacts";
import { recruitingPaths } from "../offers/paths";

export type ApplicationFacts = {
  id: string;
  profileId: string;
  firstName: string;
  lastName: string;
  adviserId: string | null;
  offerId: string | null;
  formationId: string | null;
  /** the offer's or formation's title */
  title: string;
  organisationId: string | null;
  organisationName: string | null;
  organisationKind: "company" | "training_org" | null;
  createdAt: Date;
};

/** An application with what its messages need (the person's adviser only when active). */
export async function applicationFacts(db: Database, applicationIds: string[]): Promise<ApplicationFacts[]> {
  if (!applicationIds.length) return [];
  const rows = await queryRows<{
    id: string;
    profile_id: string;
    first_name: string;
    last_name: string;
    adviser_id: string | null;
    offer_id: string | null;
    formation_id: string | null;
    title: string;
    organisation_id: string | null;
    organisation_name: string | null;
    organisation_kind: "company" | "training_org" | null;
    created_at: string | Date;
  }>(
    db,
    sql`select a.id, a.profile_id, p.first_name, p.last_name, adv.id as adviser_id, a.offer_id, a.formation_id,
        coalesce(o.title, f.title) as title, e.id as organisation_id, e.name as organisation_name, e.kind as organisation_kind, a.created_at
      from applications a
      join beneficiary_profiles p on p.id = a.profile_id
      left join users adv on adv.id = p.adviser_id and adv.status = 'active'
      left join offers o on o.id = a.offer_id
      left join formations f on f.id = a.formation_id
      left join employers e on e.id = coalesce(o.employer_id, f.organisation_id)
      where a.id in (${sql.join(applicationIds.map((id) => sql`${id}::uuid`), sql`, `)})`,
  );
  return rows.map((r) => ({
    id: String(r.id),
    profileId: String(r.profile_id),
    firstName: r.first_name,
    lastName: r.last_name,
    adviserId: r.adviser_id ? String(r.adviser_id) : null,
    offerId: r.offer_id ? String(r.offer_id) : null,
    formationId: r.formation_id ? String(r.formation_id) : null,
    title: r.title,
    organisationId: r.organisation_id ? String(r.organisation_id) : null,
    organisationName: r.organisation_name,
    organisationKind: r.organisation_kind,
    createdAt: new Date(r.created_at),
  }));
}

/** The organisation's page listing an application: the offer's inbox, or the formation's page. */
export function organisationLink(a: Pick<ApplicationFacts, "offerId" | "formationId" | "organisationKind">): string {
  if (a.offerId) return recruitingPaths(a.offerId).inbox;
  return a.organisationKind === "training_org" ? `/organisme/formations/${a.formationId}` : `/employeur/formations/${a.formationId}`;
}

export const personName = (a: Pick<ApplicationFacts, "firstName" | "lastName">) => `${a.firstName} ${a.lastName}`.trim() || "Une personne";

/** A new application or registration: each recruiter of the organisation, and the person's adviser. */
export async function tellNewApplication(db: Database, applicationId: string, now: Date = new Date()): Promise<number> {
  const [a] = await applicationFacts(db, [applicationId]);
  if (!a) return 0;
  const who = personName(a);
  const isOffer = a.offerId !== null;
  const items: Tidings[] = (await recruiterIds(db, a.organisationId)).map((userId) => ({
    userId,
    category: "new_application",
    eventKey: `application-new:${a.id}`,
    title: isOffer ? `Nouvelle candidature pour « ${a.title} »` : `Nouvelle inscription à « ${a.title} »`,
    body: isOffer
      ? `${who} a postulé à votre offre. Son CV et ses coordonnées sont dans la liste des candidatures : répondez-lui, même pour dire non.`
      : `${who} s'est inscrit(e) à votre formation. Son CV et ses coordonnées sont sur la page de la formation : répondez-lui.`,
    link: organisationLink(a),
    // erased with the person (the recruiter never sees this id)
    aboutProfileId: a.profileId,
    kind: "new_application",
  }));
  if (a.adviserId) {
    items.push({
      userId: a.adviserId,
      category: "caseload_activity",
      eventKey: `application-new:${a.id}`,
      title: isOffer ? `Candidature de ${who}` : `Inscription en formation de ${who}`,
      body: isOffer
        ? `${who} a postulé à « ${a.title} »${a.organisationName ? ` (${a.organisationName})` : ""}.`
        : `${who} s'est inscrit(e) à la formation « ${a.title} »${a.organisationName ? ` (${a.organisationName})` : ""}.`,
      link: `/conseiller/personnes/${a.profileId}`,
      aboutProfileId: a.profileId,
      kind: "caseload_application",
    });
  }
  return tell(db, items, now);
}
