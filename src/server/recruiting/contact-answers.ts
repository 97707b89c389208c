// A candidate answers an organisation's contact request: the recruiter who asked is told
// (contact_answer), in the same transaction. The person's name only once they accepted; a
// refusal names them as the offer's list does (pseudonym and reference), nothing more.
import { sql } from "drizzle-orm";
import { answerProposal } from "../applications/domain";
import { queryRows, type Database } from "../db/client";
import { tell } from "../notifications/tell";
import { recruitingPaths } from "../offers/paths";
import { pseudonymOf } from "./cards";
import { candidateHandle, referenceFor } from "./handles";

export async function answerContactRequest(
  db: Database,
  profileId: string,
  proposalId: string,
  accept: boolean,
  actorId: string | null,
  now: Date = new Date(),
): Promise<{ id: string; status: string }> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const answered = await answerProposal(tx, profileId, proposalId, accept, actorId);
    await tellContactAnswer(tx, answered.id, now);
    return answered;
  });
}

/** Tells the recruiter who asked, when the proposal was a company's contact request. */
export async function tellContactAnswer(db: Database, proposalId: string, now: Date = new Date()): Promise<number> {
  const [p] = await queryRows<{
    from_kind: string;
    from_user_id: string;
    status: string;
    offer_id: string;
    offer_title: string;
    profile_id: string;
    first_name: string;
    last_name: string;
  }>(
    db,
    sql`select pr.from_kind, pr.from_user_id, pr.status, pr.offer_id, o.title as offer_title, p.id as profile_id, p.first_name, p.last_name
      from proposals pr join offers o on o.id = pr.offer_id join beneficiary_profiles p on p.id = pr.profile_id
      where pr.id = ${proposalId}::uuid`,
  );
  if (!p || p.from_kind !== "employer" || p.status === "pending") return 0;
  const offerId = String(p.offer_id);
  const profileId = String(p.profile_id);
  const accepted = p.status === "accepted";
  const paths = recruitingPaths(offerId);
  const who = accepted ? `${p.first_name} ${p.last_name}`.trim() : `${pseudonymOf(p.first_name)} (réf. ${referenceFor(offerId, profileId)})`;
  return tell(
    db,
    [
      {
        userId: String(p.from_user_id),
        category: "contact_answer",
        eventKey: `contact-answer:${proposalId}`,
        title: accepted ? `${who} accepte votre demande de contact` : `${who} a décliné votre demande de contact`,
        body: accepted
          ? `Pour votre offre « ${p.offer_title} » : son CV complet et ses coordonnées vous sont ouverts. Contactez la personne rapidement.`
          : `Pour votre offre « ${p.offer_title} » : la personne ne souhaite pas être contactée. D'autres candidats vous attendent dans la liste.`,
        link: accepted ? paths.candidate(candidateHandle(offerId, profileId)) : paths.candidates,
        // erased with the person (the recruiter never sees this id)
        aboutProfileId: profileId,
        kind: "contact_answer",
      },
    ],
    now,
  );
}
