import { IconCalendar, IconGraduation, IconMail, IconPin, IconUsers } from "@/components/ui/icons";
import { formatDate } from "@/lib/dates";
import { instanceTimeZone } from "@/server/config/time-zone";
import { Card } from "@/components/ui/Card";
import { LinkButton } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverCaller } from "@/lib/trpc/server";
import { DRIVING_LICENCE_FOR_TRAINING } from "@/server/profiles/labels";
import {
  FORMATION_APPLICATION_STATUS,
  FORMATION_DECLINE_REASON_TEXT,
  FORMATION_STATUS_HELP,
  isFormationDeclineReason,
} from "@/server/formations/labels";
import { ApplicantAnswer } from "./ApplicantAnswer";
import { FormationActions } from "./FormationActions";
import { NoOrganisationNotice } from "./NoOrganisationNotice";
import { FormationStatusBadge, costLabel, dateRange, plural } from "./format";
import { loadForPage } from "./load";
import { FORMATION_PATHS, formationEditHref, type FormationSpace } from "./paths";
import "@/components/ui/widgets.css";

const DONE: Record<string, string> = {
  publiee: "La formation est publiée : les personnes qui cherchent ces métiers la voient près de chez elles.",
  brouillon: "Le brouillon est enregistré. Personne ne le voit tant que vous ne l'avez pas publié.",
  modifiee: "Vos modifications sont enregistrées.",
};

const LICENCE: Record<string, string> = DRIVING_LICENCE_FOR_TRAINING;

/** One formation of the organisation: what it is, its status actions, and the people who applied. */
export async function FormationDetail({ space, formationId, done }: { space: FormationSpace; formationId: string; done?: string }) {
  const caller = await serverCaller();
  const formation = await loadForPage(() => caller.formations.get({ formationId }));
  if (!formation) {
    return (
      <>
        <PageHeader title="Formation" />
        <NoOrganisationNotice space={space} />
      </>
    );
  }
  const applicants = (await loadForPage(() => caller.formations.applicants({ formationId }))) ?? [];
  const cost = costLabel(formation.costEuros);

  return (
    <>
      <PageHeader title={formation.title}>
        <p className="formation-detail__status">
          <FormationStatusBadge status={formation.status} finished={formation.finished} />{" "}
          <span>{FORMATION_STATUS_HELP[formation.status]}</span>
        </p>
      </PageHeader>
      {done && DONE[done] ? (
        <Notice tone="success" title="C'est fait">
          <p>{DONE[done]}</p>
        </Notice>
      ) : null}

      <div className="actions formation-detail__actions">
        <LinkButton href={formationEditHref(space, formation.id)} variant="secondary">
          Modifier la formation
        </LinkButton>
        <FormationActions formationId={formation.id} status={formation.status} title={formation.title} />
      </div>

      <Card title="La formation" icon={<IconGraduation />} id="formation">
        <dl className="details-list">
          <dt>Métiers visés</dt>
          <dd>
            <ul className="formation-detail__jobs">
              {formation.jobs.map((j) => (
                <li key={j.romeCode}>
                  {j.label} <span className="muted">({j.romeCode})</span>
                </li>
              ))}
            </ul>
          </dd>
          <dt>Lieu</dt>
          <dd className="with-icon">
            <IconPin />
            <span>
              {formation.commune ? formation.commune.name : "—"}
              {formation.precisePoint ? " (lieu précis indiqué)" : ""}
            </span>
          </dd>
          <dt>Dates</dt>
          <dd className="with-icon">
            <IconCalendar />
            <span>{dateRange(formation.startsOn, formation.endsOn)}</span>
          </dd>
          <dt>Places</dt>
          <dd data-testid="formation-seats">
            {formation.seats === null
              ? "Non précisé"
              : `${plural(formation.seats, "place", "places")} · ${plural(formation.admitted, "inscription confirmée", "inscriptions confirmées")} · ${plural(formation.seatsLeft ?? 0, "place restante", "places restantes")}`}
          </dd>
          <dt>Prérequis</dt>
          <dd className="formation-detail__text">{formation.prerequisites ?? "Aucun"}</dd>
          <dt>Coût pour la personne</dt>
          <dd>{cost ?? "Non précisé"}</dd>
          <dt>Financement</dt>
          <dd>{formation.funding ?? "Non précisé"}</dd>
          {formation.description ? (
            <>
              <dt>Description</dt>
              <dd className="formation-detail__text">{formation.description}</dd>
            </>
          ) : null}
        </dl>
      </Card>

      <section aria-labelledby="applicants-title" className="formation-applicants">
        <h2 id="applicants-title" className="with-icon">
          <IconUsers />
          <span>Demandes d'inscription ({applicants.filter((a) => a.status !== "withdrawn").length})</span>
        </h2>
        <p className="muted">
          En s'inscrivant, chaque personne partage son CV avec vous. Répondez-lui : elle voit votre réponse dans son espace.
        </p>
        {applicants.length === 0 ? (
          <p>
            {formation.status === "draft"
              ? "Publiez la formation pour recevoir des demandes."
              : "Pas encore de demande d'inscription."}
          </p>
        ) : (
          <ul className="item-list" data-testid="applicants">
            {applicants.map((a) => {
              const name = `${a.person.firstName} ${a.person.lastName}`.trim();
              const s = FORMATION_APPLICATION_STATUS[a.status];
              const headingId = `applicant-${a.applicationId}`;
              return (
                <li key={a.applicationId}>
                  <article className="item" aria-labelledby={headingId} data-testid="applicant">
                    <h3 id={headingId}>{name}</h3>
                    <p className="item__meta">
                      Demande envoyée le {formatDate(a.appliedAt, instanceTimeZone())}
                      {a.person.communeName ? ` · ${a.person.communeName}` : ""}
                    </p>
                    <p className={`status status--${a.status}`}>
                      <span className="sr-only">État : </span>
                      {s?.label ?? a.status}
                    </p>
                    {a.status === "declined" && isFormationDeclineReason(a.statusReason) ? (
                      <p className="muted">Raison : {FORMATION_DECLINE_REASON_TEXT[a.statusReason].label.toLowerCase()}.</p>
                    ) : null}
                    {a.status === "withdrawn" ? (
                      <p className="muted">La personne a retiré sa demande : son CV n'est plus partagé.</p>
                    ) : (
                      <>
                        {a.message ? <blockquote className="formation-applicant__message">« {a.message} »</blockquote> : null}
                        <dl className="details-list">
                          <dt>Contact</dt>
                          <dd>
                            {a.person.email ? (
                              <a href={`mailto:${a.person.email}`} className="with-icon">
                                <IconMail />
                                <span>{a.person.email}</span>
                              </a>
                            ) : null}
                            {a.person.email && a.person.phone ? <br /> : null}
                            {a.person.phone ? <a href={`tel:${a.person.phone.replace(/\s/g, "")}`}>{a.person.phone}</a> : null}
                            {!a.person.email && !a.person.phone ? "Pas de coordonnées : passez par son conseiller." : null}
                          </dd>
                          {a.person.soughtJobs.length ? (
                            <>
                              <dt>Métiers recherchés</dt>
                              <dd>{a.person.soughtJobs.join(", ")}</dd>
                            </>
                          ) : null}
                          {a.person.doneJobs.length ? (
                            <>
                              <dt>Expérience</dt>
                              <dd>
                                {a.person.doneJobs
                                  .map((j) => (j.years ? `${j.label} (${j.years} an${j.years >= 2 ? "s" : ""})` : j.label))
                                  .join(", ")}
                              </dd>
                            </>
                          ) : null}
                          {a.person.formations.length ? (
                            <>
                              <dt>Formations suivies</dt>
                              <dd>
                                {a.person.formations
                                  .map((f) => `${f.title}${f.year ? ` (${f.year})` : ""}${f.completed ? "" : " – en cours"}`)
                                  .join(", ")}
                              </dd>
                            </>
                          ) : null}
                          {a.person.drivingLicence ? (
                            <>
                              <dt>Permis</dt>
                              <dd>
                                {LICENCE[a.person.drivingLicence] ?? a.person.drivingLicence}
                                {a.person.hasVehicle ? ", avec un véhicule" : ""}
                              </dd>
                            </>
                          ) : null}
                          {a.person.availableFrom ? (
                            <>
                              <dt>Disponible</dt>
                              <dd>à partir du {formatDate(a.person.availableFrom, instanceTimeZone())}</dd>
                            </>
                          ) : null}
                          {a.person.about ? (
                            <>
                              <dt>En quelques mots</dt>
                              <dd className="formation-detail__text">{a.person.about}</dd>
                            </>
                          ) : null}
                        </dl>
                        <ApplicantAnswer applicationId={a.applicationId} status={a.status} personName={name} />
                      </>
                    )}
                  </article>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <p>
        <LinkButton href={FORMATION_PATHS[space].list} variant="secondary">
          Retour à vos formations
        </LinkButton>
      </p>
    </>
  );
}
