// What the person is told when a training organisation answers their registration: in the app
// always, and on the channels they chose (notifications/tell.ts), in the answer's transaction.
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../db/client";
import { smsText } from "../notifications/sms-text";
import { tell, type Tidings } from "../notifications/tell";

const APPLICATIONS_PAGE = "/beneficiaire/candidatures";

/** A formation's organisation confirmed or refused a registration (`wording`: the kind reason). */
export async function tellRegistrationAnswer(
  db: Database,
  applicationId: string,
  answer: { kind: "confirmed" } | { kind: "declined"; wording: string | null },
  now?: Date,
): Promise<number> {
  const [r] = await registrationPerson(db, applicationId);
  if (!r?.user_id) return 0;
  const formation = r.title ? `« ${r.title} »` : "la formation";
  const base = { userId: String(r.user_id), category: "application_update" as const, link: APPLICATIONS_PAGE, aboutProfileId: String(r.profile_id) };
  const t: Tidings =
    answer.kind === "confirmed"
      ? {
          ...base,
          eventKey: `registration-confirmed:${r.id}`,
          title: "Votre inscription en formation est confirmée",
          body: `${r.organisation ?? "L'organisme"} vous attend à la formation ${formation}.`,
          sms: smsText(r.first_name, "Votre inscription en formation est confirmée", APPLICATIONS_PAGE),
        }
      : {
          ...base,
          eventKey: `registration-declined:${r.id}`,
          title: "Réponse à votre inscription en formation",
          body: `Votre inscription à la formation ${formation} n'a pas été retenue. ${answer.wording ?? "D'autres formations vous attendent."}`,
          sms: smsText(r.first_name, "Vous avez une réponse à votre inscription en formation", APPLICATIONS_PAGE),
        };
  return tell(db, [t], now);
}


async function registrationPerson(db: Database, applicationId: string) {
  return queryRows<{ id: string; profile_id: string; user_id: string | null; first_name: string; title: string; organisation: string | null }>(
    db,
    sql`select a.id, a.profile_id, p.user_id, p.first_name, f.title, e.name as organisation
      from applications a
      join beneficiary_profiles p on p.id = a.profile_id
      join formations f on f.id = a.formation_id
      left join employers e on e.id = f.organisation_id
      where a.id = ${applicationId}::uuid`,
  );
}
