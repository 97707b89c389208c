import { formatDate } from "@/lib/dates";
import { instanceTimeZone, instanceToday } from "@/server/config/time-zone";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IconMail, IconPin, IconArrowRight } from "@/components/ui/icons";
import { ApplicationActions } from "@/components/pro/recruiting/ApplicationActions";
import { ApplicationBadge } from "@/components/pro/recruiting/Badges";
import { MarkFilled } from "@/components/pro/recruiting/MarkFilled";
import { RecruitingNav } from "@/components/pro/recruiting/RecruitingNav";
import { recruitingPaths } from "@/components/pro/recruiting/labels";
import { orNotFound } from "@/components/pro/recruiting/orNotFound";
import { LinkButton } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";
import "@/components/pro/recruiting/recruiting.css";
import { formatPhoneForPeople } from "@/lib/phone";

export const metadata: Metadata = { title: "Candidatures reçues" };

type Props = { params: Promise<{ offerId: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function InboxPage({ params }: Props) {
  const { offerId } = await params;
  await requirePageRole(["employer"], `/employeur/offres/${offerId}/candidatures`);
  if (!UUID.test(offerId)) notFound();
  const { offer, items } = await orNotFound((await serverCaller()).recruiting.inbox({ offerId }));
  const paths = recruitingPaths(offerId);
  const active = items.filter((i) => i.status !== "withdrawn").length;
  const today = instanceToday();

  return (
    <div className="readable">
      <RecruitingNav offerId={offerId} current="inbox" />
      <PageHeader
        title={`Candidatures pour « ${offer.title} »`}
        intro="En postulant, ces personnes vous ont confié leur CV et leurs coordonnées. Répondez-leur : chacune voit où en est sa candidature."
      />
      <p className="recruit-count">
        {active === 0 ? "Aucune candidature" : `${active} candidature${active > 1 ? "s" : ""}`} · {offer.hires} embauche
        {offer.hires > 1 ? "s" : ""} pour {offer.positions} poste{offer.positions > 1 ? "s" : ""}
      </p>
      {offer.suggestMarkFilled ? (
        <MarkFilled offerId={offer.id} version={offer.version} hires={offer.hires} positions={offer.positions} />
      ) : null}

      {items.length === 0 ? (
        <>
          <p>Personne n'a encore postulé à cette offre.</p>
          <LinkButton href={paths.candidates} icon={<IconArrowRight />}>
            Voir les candidats proches
          </LinkButton>
        </>
      ) : (
        <ul className="recruit-list" aria-label="Candidatures">
          {items.map((a) => {
            const c = a.candidate.contact;
            const who = c ? `${c.firstName} ${c.lastName}`.trim() : `${a.candidate.pseudonym} (réf. ${a.candidate.reference})`;
            const headingId = `application-${a.id}`;
            return (
              <li key={a.id}>
                <article className="recruit-card" aria-labelledby={headingId} data-testid="application-card">
                  <div className="recruit-card__head">
                    <h2 id={headingId} className="recruit-card__title">
                      {who}
                    </h2>
                  </div>
                  <ApplicationBadge status={a.status} isNew={a.isNew} />
                  {a.prescriber ? (
                    <p data-testid="prescriber">
                      Candidature envoyée par <strong>{a.prescriber.name}</strong>, conseiller ou conseillère (
                      {a.prescriber.structure}), avec l'accord de la personne.
                    </p>
                  ) : null}
                  <p className="muted">Reçue le {formatDate(a.createdAt, instanceTimeZone())}</p>
                  {c ? (
                    <ul className="recruit-contact">
                      {c.phone ? (
                        <li>
                          <span aria-hidden="true">☎</span>
                          <a href={`tel:${c.phone.replace(/[^\d+]/g, "")}`}>
                            <span className="sr-only">Téléphone : </span>
                            {formatPhoneForPeople(c.phone)}
                          </a>
                        </li>
                      ) : null}
                      {c.email ? (
                        <li>
                          <IconMail size="1.25em" />
                          <a href={`mailto:${c.email}`}>
                            <span className="sr-only">E-mail : </span>
                            {c.email}
                          </a>
                        </li>
                      ) : null}
                      {c.communeName ? (
                        <li>
                          <IconPin size="1.25em" />
                          <span>
                            <span className="sr-only">Habite à </span>
                            {c.communeName}
                          </span>
                        </li>
                      ) : null}
                    </ul>
                  ) : (
                    <p>La personne a retiré sa candidature : ses coordonnées ne sont plus affichées.</p>
                  )}
                  {a.message ? (
                    <>
                      <p className="field__label">Son message :</p>
                      <p className="recruit-quote">{a.message}</p>
                    </>
                  ) : null}
                  {a.status === "declined" && a.reasonWording ? (
                    <>
                      <p>
                        Raison : {a.reasonLabel}. <strong>Ce que la personne a lu :</strong>
                      </p>
                      <p className="recruit-quote">{a.reasonWording}</p>
                    </>
                  ) : null}
                  {a.status === "hired" ? <p>Son conseiller suit ses premiers mois dans l'emploi.</p> : null}
                  {c ? (
                    <p>
                      <Link href={paths.candidate(a.candidate.candidateId)}>
                        Voir son CV<span className="sr-only"> : {who}</span>
                      </Link>
                    </p>
                  ) : null}
                  <ApplicationActions applicationId={a.id} status={a.status} who={who} today={today} undoUntil={a.undoUntil} />
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
