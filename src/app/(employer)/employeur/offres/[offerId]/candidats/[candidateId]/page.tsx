import { formatDate } from "@/lib/dates";
import { instanceTimeZone, instanceToday } from "@/server/config/time-zone";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApplicationActions } from "@/components/pro/recruiting/ApplicationActions";
import { ApplicationBadge, CandidateBadges } from "@/components/pro/recruiting/Badges";
import { CandidateFacts, ScoreLabel } from "@/components/pro/recruiting/CandidateFacts";
import { CandidateContactCard, CandidateCv } from "@/components/pro/recruiting/CandidateCv";
import { ContactRequest } from "@/components/pro/recruiting/ContactRequest";
import { MarkFilled } from "@/components/pro/recruiting/MarkFilled";
import { RecordHire } from "@/components/pro/recruiting/RecordHire";
import { RecruitingNav } from "@/components/pro/recruiting/RecruitingNav";
import { recruitingPaths } from "@/components/pro/recruiting/labels";
import { orNotFound } from "@/components/pro/recruiting/orNotFound";
import { Card } from "@/components/ui/Card";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { IconLock } from "@/components/ui/icons";
import { serverCaller } from "@/lib/trpc/server";
import { followUpSentence } from "@/server/followup/follow-up-words";
import { requirePageRole } from "@/server/api/session";
import "@/components/pro/recruiting/recruiting.css";

export const metadata: Metadata = { title: "Fiche du candidat" };

type Props = { params: Promise<{ offerId: string; candidateId: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** a candidate's handle for this offer (see src/server/recruiting/handles.ts) */
const HANDLE = /^[A-Za-z0-9_-]{59}$/;

export default async function CandidatePage({ params }: Props) {
  const { offerId, candidateId } = await params;
  await requirePageRole(["employer"], `/employeur/offres/${offerId}/candidats/${candidateId}`);
  if (!UUID.test(offerId) || !HANDLE.test(candidateId)) notFound();
  const view = await orNotFound((await serverCaller()).recruiting.candidate({ offerId, candidateId }));
  const { offer, card, identity, application, contact } = view;
  const paths = recruitingPaths(offerId);
  const pseudonym = `${card.pseudonym} (réf. ${card.reference})`;
  const who = identity ? `${identity.firstName} ${identity.lastName}`.trim() : pseudonym;

  return (
    <div className="readable">
      <RecruitingNav offerId={offerId} current={null} />
      <PageHeader
        title={identity ? who : pseudonym}
        intro={
          identity
            ? view.grantedBy === "application"
              ? "Cette personne a postulé chez vous : elle vous a confié son CV et ses coordonnées."
              : "Cette personne a accepté que votre entreprise la contacte : voici son CV et ses coordonnées."
            : "Son nom et ses coordonnées restent cachés tant qu'elle n'a pas accepté votre demande de contact."
        }
      >
        <p>
          Pour l'offre <Link href={paths.offer}>« {offer.title} »</Link>
          {card.score !== null ? (
            <>
              {" · "}
              <ScoreLabel score={card.score} />
            </>
          ) : null}
        </p>
      </PageHeader>
      {offer.suggestMarkFilled ? (
        <MarkFilled offerId={offer.id} version={offer.version} hires={offer.hires} positions={offer.positions} />
      ) : null}

      <CandidateBadges applied={view.applied} proposedByAdviser={view.proposedByAdviser} contact={contact.state} />

      {application ? (
        <Card title="Sa candidature" id="candidature">
          <ApplicationBadge status={application.status} />
          <p>Reçue le {formatDate(application.createdAt, instanceTimeZone())}.</p>
          {application.reasonWording ? (
            <>
              <p className="field__label">Ce que la personne a lu :</p>
              <p className="recruit-quote">{application.reasonWording}</p>
            </>
          ) : null}
          {application.status === "withdrawn" ? <p>La personne a retiré sa candidature.</p> : null}
          {application.status === "hired" ? (
            <p>Son conseiller suit ses premiers mois dans l'emploi.</p>
          ) : (
            <ApplicationActions applicationId={application.id} status={application.status} who={who} today={instanceToday()} />
          )}
          <p>
            <Link href={paths.inbox}>Toutes les candidatures de cette offre</Link>
          </p>
        </Card>
      ) : null}

      {identity ? (
        <>
          <CandidateContactCard identity={identity} />
          {view.canRecordHire ? (
            <Card title="Vous l'embauchez ?" id="embauche">
              <p>
                Enregistrez l'embauche pour cette offre. {followUpSentence(view.followUp)}
              </p>
              <RecordHire offerId={offerId} candidateId={candidateId} who={who} offerTitle={offer.title} followUp={view.followUp} today={instanceToday()} />
            </Card>
          ) : null}
          {card.reasons.length ? (
            <Card title="Pourquoi cette personne correspond" id="correspondance">
              <ul className="recruit-reasons">
                {card.reasons.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
            </Card>
          ) : null}
          <CandidateCv identity={identity} />
        </>
      ) : (
        <>
          <Card title="Profil" id="profil">
            <CandidateFacts card={card} full />
          </Card>
          <Card title="Le contacter" icon={<IconLock />} id="contact">
            {contact.state === "none" ? (
              offer.open ? (
                <>
                  <p>
                    La personne recevra votre demande dans son espace. Si elle accepte, vous verrez son nom, son CV complet, son
                    téléphone et son e-mail. Si elle refuse, elle reste anonyme.
                  </p>
                  <ContactRequest offerId={offerId} candidateId={candidateId} who={pseudonym} />
                </>
              ) : (
                <p>Publiez l'offre pour pouvoir demander à contacter cette personne.</p>
              )
            ) : contact.state === "pending" ? (
              <Notice live="none" title="Demande envoyée, en attente de sa réponse.">
                <p>
                  Envoyée le {formatDate(contact.requestedAt, instanceTimeZone())}. Si la personne accepte, vous verrez ici son nom, son CV et ses
                  coordonnées.
                </p>
              </Notice>
            ) : (
              <Notice live="none" title="La personne a préféré ne pas être contactée pour cette offre.">
                <p>Merci de respecter son choix : elle reste anonyme.</p>
              </Notice>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
