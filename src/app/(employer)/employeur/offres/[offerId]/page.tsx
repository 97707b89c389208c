import { formatDate, formatDateTime } from "@/lib/dates";
import { instanceTimeZone } from "@/server/config/time-zone";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { hoursLabel, shiftsLabel } from "@/components/ui/format";
import { CONTRACT_LABELS } from "@/server/offers/labels";
import { OFFER_STATUS_HELP, StatusBadge } from "@/components/pro/offers/labels";
import { loadEmployerOffer } from "@/components/pro/offers/load";
import { StatusActions } from "@/components/pro/offers/StatusActions";
import { LinkButton } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";

export const metadata: Metadata = { title: "Offre" };

type Props = {
  params: Promise<{ offerId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const SAVED: Record<string, string> = {
  publiee: "Votre offre est publiée : les candidats proches la voient dès maintenant.",
  brouillon: "Brouillon enregistré. Il n'est visible que de vous et de vos collègues.",
  enregistree: "Modifications enregistrées.",
};

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

export default async function OfferDetailPage({ params, searchParams }: Props) {
  const { offerId } = await params;
  await requirePageRole(["employer"], `/employeur/offres/${offerId}`);
  const offer = await loadEmployerOffer(await serverCaller(), offerId);
  if (!offer) notFound();
  const query = await searchParams;
  const saved = Object.keys(SAVED).find((k) => query[k] === "1");
  const f = offer.fields;
  const base = `/employeur/offres/${offer.id}`;
  const finished = offer.status === "filled" || offer.status === "closed";
  const labelOf = (code: number) => offer.skillLabels[code] ?? `Compétence ${code}`;
  const { stats } = offer;

  return (
    <div className="readable">
      <p>
        <Link href="/employeur">Retour à mes offres</Link>
      </p>
      {saved ? (
        <Notice tone="success">
          <p>{SAVED[saved]}</p>
        </Notice>
      ) : null}
      <PageHeader title={f.title}>
        <p>
          <StatusBadge status={offer.effectiveStatus} /> {OFFER_STATUS_HELP[offer.effectiveStatus]}
        </p>
      </PageHeader>
      {offer.effectiveStatus === "expired" ? (
        <Notice tone="warning" title={`Cette offre a expiré le ${formatDate(f.expiresOn, instanceTimeZone())}`} live="none">
          <p>
            Pour la remettre en ligne, <Link href={`${base}/modifier`}>choisissez une nouvelle date d'expiration</Link>.
          </p>
        </Notice>
      ) : null}

      <StatusActions offerId={offer.id} version={offer.version} status={offer.effectiveStatus} />

      <div className="actions">
        {offer.status !== "draft" ? (
          <>
            <LinkButton href={`${base}/candidats`}>Voir les candidats</LinkButton>
            <LinkButton href={`${base}/candidatures`} variant="secondary">
              Candidatures ({stats.applications})
            </LinkButton>
          </>
        ) : null}
        {!finished ? (
          <LinkButton href={`${base}/modifier`} variant="secondary">
            Modifier l'offre
          </LinkButton>
        ) : null}
      </div>

      {offer.status !== "draft" ? (
        <Card title="Statistiques" id="statistiques">
          <ul className="offer-stats">
            <li>
              <span className="offer-stats__value">{stats.views}</span> {stats.views > 1 ? "personnes l'ont vue" : "personne l'a vue"}
            </li>
            <li>
              <span className="offer-stats__value">{stats.applications}</span>{" "}
              {stats.applications > 1 ? "candidatures" : "candidature"}
              {stats.newApplications ? ` dont ${plural(stats.newApplications, "nouvelle", "nouvelles")}` : null}
            </li>
            <li>
              <span className="offer-stats__value">{stats.hires}</span> {stats.hires > 1 ? "embauches" : "embauche"}
            </li>
            <li>
              <span className="offer-stats__value">{stats.contactsPending + stats.contactsAccepted}</span> demandes de contact (
              {stats.contactsPending} en attente, {stats.contactsAccepted} acceptée{stats.contactsAccepted > 1 ? "s" : ""})
            </li>
          </ul>
        </Card>
      ) : null}

      <Card title="L'offre" id="offre">
        <dl className="details-list">
          <dt>Métier</dt>
          <dd>{offer.job ? `${offer.job.label}${offer.job.romeLabel !== offer.job.label ? ` (${offer.job.romeLabel})` : ""}` : "À choisir"}</dd>
          <dt>Postes</dt>
          <dd>{f.positions}</dd>
          <dt>Lieu</dt>
          <dd>
            {offer.commune ? `${offer.commune.name}${offer.commune.postcodes[0] ? ` (${offer.commune.postcodes[0]})` : ""}` : "À préciser"}
            {f.addressLine ? `, ${f.addressLine}` : null}
            {f.point ? " · position précise" : null}
          </dd>
          <dt>Candidats jusqu'à</dt>
          <dd>{f.radiusKm} km</dd>
          <dt>Contrat</dt>
          <dd>
            {f.contract ? CONTRACT_LABELS[f.contract] : "À choisir"}
            {hoursLabel(f.hoursPerWeek ?? null) ? ` · ${hoursLabel(f.hoursPerWeek ?? null)}` : null}
          </dd>
          <dt>Horaires</dt>
          <dd>{shiftsLabel(f.shifts) ?? "À préciser"}</dd>
          <dt>Déplacements</dt>
          <dd>
            {[f.licenceRequired ? "Permis B exigé" : null, f.vehicleRequired ? "Véhicule personnel exigé" : null]
              .filter(Boolean)
              .join(" · ") || "Ni permis ni véhicule exigé"}
          </dd>
          <dt>Début</dt>
          <dd>{formatDate(f.startsOn, instanceTimeZone())}</dd>
          <dt>Expiration</dt>
          <dd>{f.expiresOn ? formatDate(f.expiresOn, instanceTimeZone()) : "Deux mois après le début, à la publication"}</dd>
          <dt>Compétences exigées</dt>
          <dd>{f.requiredSkills.length ? f.requiredSkills.map(labelOf).join(" · ") : "Aucune"}</dd>
          <dt>Compétences souhaitées</dt>
          <dd>{f.wishedSkills.length ? f.wishedSkills.map(labelOf).join(" · ") : "Aucune"}</dd>
        </dl>
        <h3>Description</h3>
        {f.description ? <p className="offer-description">{f.description}</p> : <p className="muted">Pas encore de description.</p>}
      </Card>

      <p className="muted">
        {offer.createdByName ? `Créée par ${offer.createdByName} le ${formatDateTime(offer.createdAt, instanceTimeZone())}. ` : null}
        {offer.updatedByName ? `Dernière modification par ${offer.updatedByName} le ${formatDateTime(offer.updatedAt, instanceTimeZone())}. ` : null}
        {offer.publishedAt ? `Publiée le ${formatDate(offer.publishedAt, instanceTimeZone())}.` : null}
      </p>
    </div>
  );
}
