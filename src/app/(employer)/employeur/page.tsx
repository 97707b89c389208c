import { formatDate } from "@/lib/dates";
import { instanceTimeZone } from "@/server/config/time-zone";
import type { Metadata } from "next";
import Link from "next/link";
import { AccountDetails } from "@/components/AccountDetails";
import { RefusedNotice } from "@/components/RefusedNotice";
import { StatusBadge } from "@/components/pro/offers/labels";
import { LinkButton } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { IconBriefcase } from "@/components/ui/icons";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";
import type { RouterOutputs } from "@/lib/trpc/types";

type OfferListItem = RouterOutputs["offers"]["mine"]["offers"][number];

export const metadata: Metadata = { title: "Mes offres" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

function OfferItem({ offer }: { offer: OfferListItem }) {
  const headingId = `offre-${offer.id}-titre`;
  const { stats } = offer;
  const base = `/employeur/offres/${offer.id}`;
  const live = offer.status !== "draft";
  return (
    <article className="card offer-card" aria-labelledby={headingId} data-testid="offer-item">
      <div className="offer-card__head">
        <h3 className="offer-card__title" id={headingId}>
          <Link href={base}>{offer.title}</Link>
        </h3>
        <StatusBadge status={offer.effectiveStatus} />
      </div>
      <ul className="offer-card__facts">
        <li>{offer.communeName ?? "Lieu à préciser"}</li>
        <li>{plural(offer.positions, "poste", "postes")}</li>
        <li>Début : {formatDate(offer.startsOn, instanceTimeZone())}</li>
        {offer.expiresOn ? (
          <li>
            {offer.effectiveStatus === "expired" ? "Expirée le" : "Expire le"} {formatDate(offer.expiresOn, instanceTimeZone())}
          </li>
        ) : null}
        {offer.createdByName ? <li>Créée par {offer.createdByName}</li> : null}
      </ul>
      {live ? (
        <ul className="offer-card__counts" aria-label="Statistiques">
          <li>
            <strong>{stats.views}</strong> {stats.views > 1 ? "vues" : "vue"}
          </li>
          <li>
            <strong>{stats.applications}</strong> {stats.applications > 1 ? "candidatures" : "candidature"}
            {stats.newApplications ? ` (${plural(stats.newApplications, "nouvelle", "nouvelles")})` : null}
          </li>
          <li>
            <strong>{stats.hires}</strong> {stats.hires > 1 ? "embauches" : "embauche"}
          </li>
          {stats.contactsPending + stats.contactsAccepted > 0 ? (
            <li>
              Demandes de contact : {stats.contactsPending} en attente, {stats.contactsAccepted} acceptée
              {stats.contactsAccepted > 1 ? "s" : ""}
            </li>
          ) : null}
        </ul>
      ) : null}
      <div className="offer-card__links">
        {live ? (
          <>
            <LinkButton href={`${base}/candidats`} small aria-describedby={headingId}>
              Voir les candidats
            </LinkButton>
            <LinkButton href={`${base}/candidatures`} small variant="secondary" aria-describedby={headingId}>
              Candidatures ({stats.applications})
            </LinkButton>
          </>
        ) : null}
        {offer.status === "filled" || offer.status === "closed" ? (
          <LinkButton href={base} small variant="secondary" aria-describedby={headingId}>
            Voir l'offre
          </LinkButton>
        ) : (
          <LinkButton href={`${base}/modifier`} small variant="secondary" aria-describedby={headingId}>
            Modifier
          </LinkButton>
        )}
      </div>
    </article>
  );
}

export default async function EmployerHome({ searchParams }: Props) {
  const user = await requirePageRole(["employer"], "/employeur");
  const { organisation, offers } = await (await serverCaller()).offers.mine();
  return (
    <div className="readable">
      <RefusedNotice searchParams={searchParams} />
      <PageHeader
        title="Mes offres"
        intro={organisation ? `Les offres de ${organisation.name}, publiées par vous et vos collègues.` : `Bonjour ${user.firstName}.`}
      />
      {!organisation ? (
        <Notice tone="warning" title="Enregistrez d'abord votre entreprise" live="none">
          <p>
            Pour publier des offres, donnez le numéro SIRET et la commune de votre entreprise :{" "}
            <Link href="/employeur/entreprise">enregistrer mon entreprise</Link>.
          </p>
        </Notice>
      ) : offers.length === 0 ? (
        <Card title="Votre première offre" icon={<IconBriefcase />} id="premiere-offre">
          <p>Publiez une offre : nous vous montrerons les candidats proches du poste, et pourquoi ils correspondent.</p>
          <LinkButton href="/employeur/offres/nouvelle">Publier une offre</LinkButton>
        </Card>
      ) : (
        <section aria-labelledby="offres-titre">
          <div className="offer-list__head">
            <h2 id="offres-titre">
              {plural(offers.length, "offre", "offres")}
            </h2>
            <LinkButton href="/employeur/offres/nouvelle" small>
              Publier une offre
            </LinkButton>
          </div>
          <ul className="offer-list">
            {offers.map((offer) => (
              <li key={offer.id}>
                <OfferItem offer={offer} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <AccountDetails user={user} />
    </div>
  );
}
