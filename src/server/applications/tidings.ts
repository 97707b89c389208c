// What the person is told when an organisation or an adviser acts on their applications and
// proposals: in the app always, and on the channels they chose (notifications/tell.ts), in the
// transaction of the change. SMS texts name nobody but the person (first name) and give the link.
import { sql } from "drizzle-orm";
import { queryRows, uuidList, type Database } from "../db/client";
import { smsText } from "../notifications/sms-text";
import { tell, type Tidings } from "../notifications/tell";

const APPLICATIONS_PAGE = "/beneficiaire/candidatures";
const PROPOSALS_PAGE = "/beneficiaire/propositions";

type ApplicationRow = { id: string; profile_id: string; user_id: string | null; first_name: string; title: string | null; organisation: string | null };

async function applicationPeople(db: Database, ids: string[]): Promise<ApplicationRow[]> {
  if (!ids.length) return [];
  return queryRows<ApplicationRow>(
    db,
    sql`select a.id, a.profile_id, p.user_id, p.first_name, coalesce(o.title, f.title) as title, coalesce(e.name, fo.name) as organisation
      from applications a
      join beneficiary_profiles p on p.id = a.profile_id
      left join offers o on o.id = a.offer_id
      left join employers e on e.id = o.employer_id
      left join formations f on f.id = a.formation_id
      left join employers fo on fo.id = f.organisation_id
      where a.id in (${uuidList(ids)})`,
  );
}

export type ApplicationEvent =
  | { kind: "seen" }
  | { kind: "interview" }
  | { kind: "hired" }
  /** `wording`: the kind sentence the person reads for the reason */
  | { kind: "declined"; wording: string | null };

function offerTidings(r: ApplicationRow, event: ApplicationEvent): Tidings {
  const offer = r.title ? `« ${r.title} »` : "une offre";
  const at = r.organisation ? ` chez ${r.organisation}` : "";
  const base = { userId: String(r.user_id), category: "application_update" as const, link: APPLICATIONS_PAGE, aboutProfileId: String(r.profile_id) };
  switch (event.kind) {
    case "seen":
      return {
        ...base,
        eventKey: `application-seen:${r.id}`,
        title: "Votre candidature a été lue",
        body: `L'employeur a lu votre candidature à l'offre ${offer}${at}.`,
        sms: smsText(r.first_name, "Votre candidature a été lue", APPLICATIONS_PAGE),
      };
    case "interview":
      return {
        ...base,
        eventKey: `application-interview:${r.id}`,
        title: "Un employeur veut vous rencontrer pour un entretien",
        body: `L'employeur de l'offre ${offer}${at} vous propose un entretien. Il va vous contacter.`,
        sms: smsText(r.first_name, "Un employeur vous propose un entretien", APPLICATIONS_PAGE),
      };
    case "hired":
      return {
        ...base,
        eventKey: `application-hired:${r.id}`,
        title: "Bonne nouvelle : l'employeur vous embauche",
        body: `L'employeur de l'offre ${offer}${at} a noté votre embauche. Bonne route dans ce nouvel emploi.`,
        sms: smsText(r.first_name, "Bonne nouvelle sur votre candidature", APPLICATIONS_PAGE),
      };
    case "declined":
      return {
        ...base,
        eventKey: `application-declined:${r.id}`,
        title: "Réponse à votre candidature",
        body: `Votre candidature à l'offre ${offer} n'a pas été retenue. ${event.wording ?? "D'autres offres vous attendent."}`,
        sms: smsText(r.first_name, "Vous avez une réponse à votre candidature", APPLICATIONS_PAGE),
      };
  }
}

/** Tells the people behind these offer applications about one change (those without an account see it in the app of their adviser only). */
export async function tellApplicationChange(db: Database, applicationIds: string[], event: ApplicationEvent, now?: Date): Promise<number> {
  const rows = (await applicationPeople(db, applicationIds)).filter((r) => r.user_id);
  return tell(db, rows.map((r) => offerTidings(r, event)), now);
}

/** An organisation asked to contact the person, or an adviser proposed an offer to them. */
export async function tellProposal(db: Database, proposalId: string, now?: Date): Promise<number> {
  const [r] = await queryRows<{ id: string; profile_id: string; user_id: string | null; first_name: string; from_kind: "employer" | "adviser"; title: string; organisation: string | null }>(
    db,
    sql`select pr.id, pr.profile_id, p.user_id, p.first_name, pr.from_kind, o.title, e.name as organisation
      from proposals pr
      join beneficiary_profiles p on p.id = pr.profile_id
      join offers o on o.id = pr.offer_id
      left join employers e on e.id = o.employer_id
      where pr.id = ${proposalId}::uuid`,
  );
  if (!r?.user_id) return 0;
  const base = { userId: String(r.user_id), link: PROPOSALS_PAGE, aboutProfileId: String(r.profile_id) };
  const t: Tidings =
    r.from_kind === "employer"
      ? {
          ...base,
          category: "contact_request",
          eventKey: `contact-request:${r.id}`,
          title: "Un employeur veut vous rencontrer",
          body: `${r.organisation ?? "Une entreprise"} aimerait vous contacter pour l'offre « ${r.title} ». Vous choisissez : acceptez ou refusez dans l'application.`,
          sms: smsText(r.first_name, "Un employeur veut vous rencontrer", PROPOSALS_PAGE),
        }
      : {
          ...base,
          category: "proposal",
          eventKey: `proposal:${r.id}`,
          title: "Votre conseiller vous propose une offre",
          body: `Votre conseiller pense que l'offre « ${r.title} » peut vous aller. Regardez-la et dites si elle vous intéresse.`,
          sms: smsText(r.first_name, "Votre conseiller vous propose une offre", PROPOSALS_PAGE),
        };
  return tell(db, [t], now);
}
