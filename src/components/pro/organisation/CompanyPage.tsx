import { formatDate } from "@/lib/dates";
import { instanceTimeZone } from "@/server/config/time-zone";
import { headers } from "next/headers";
import Link from "next/link";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { IconBriefcase, IconDocument, IconUsers } from "@/components/ui/icons";
import { serverCaller } from "@/lib/trpc/server";
import { formatSiret } from "@/server/organisations/siret";
import type { SessionUser } from "@/server/trpc/context";
import { AddRecruiterForm } from "./AddRecruiterForm";
import { MemberActions } from "./MemberActions";
import { OrganisationEditor } from "./OrganisationEditor";
import type { OrganisationKind } from "./OrganisationFields";
import { RegisterOrganisationForm } from "./RegisterOrganisationForm";

/** The address of the activation page given with a code: AUTH_URL when set, else this site as reached. */
async function activationUrl(): Promise<string> {
  if (process.env.AUTH_URL) {
    try {
      return `${new URL(process.env.AUTH_URL).origin}/activer`;
    } catch {
      // fall back to the request's host
    }
  }
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}/activer`;
}

const WORDS = {
  company: {
    title: "Mon entreprise",
    team: "Les recruteurs",
    register: "Enregistrez votre entreprise",
    registerIntro:
      "Votre compte n'est pas encore rattaché à une entreprise. Indiquez son numéro SIRET : vous pourrez ensuite publier vos offres.",
    the: "l'entreprise",
  },
  training_org: {
    title: "Mon organisme",
    team: "L'équipe",
    register: "Enregistrez votre organisme",
    registerIntro:
      "Votre compte n'est pas encore rattaché à un organisme de formation. Indiquez son numéro SIRET : vous pourrez ensuite publier vos formations.",
    the: "l'organisme",
  },
} as const;

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/**
 * "My company" / "My organisation": the organisation's details (editable by its owner), its
 * totals (companies), its members, and the owner's form to add one. Before the organisation
 * is registered (accounts created by an admin), the registration form instead.
 * The page calling it has checked the role with requirePageRole.
 */
export async function CompanyPage({ user, kind }: { user: SessionUser; kind: OrganisationKind }) {
  const words = WORDS[kind];
  const caller = await serverCaller();
  const org = await caller.organisations.mine();

  if (!org) {
    return (
      <div className="readable company-page">
        <PageHeader title={words.title} />
        <Card title={words.register} icon={kind === "company" ? <IconBriefcase /> : <IconDocument />} id="enregistrer">
          <p>{words.registerIntro}</p>
          <RegisterOrganisationForm kind={kind} />
        </Card>
      </div>
    );
  }

  const stats = kind === "company" ? await caller.organisations.stats() : null;
  const owner = org.members.find((m) => m.isOwner);
  const commune = org.communeInsee && org.communeName ? { insee: org.communeInsee, name: org.communeName, postcodes: org.postcodes } : null;

  return (
    <div className="readable company-page">
      <PageHeader title={words.title} intro={org.name} />

      <Card title="Informations" icon={kind === "company" ? <IconBriefcase /> : <IconDocument />} id="informations">
        <dl className="details-list">
          <dt>Nom</dt>
          <dd data-testid="organisation-name">{org.name}</dd>
          <dt>SIRET</dt>
          <dd data-testid="organisation-siret">{formatSiret(org.siret) || "—"}</dd>
          <dt>Commune</dt>
          <dd>{commune ? `${commune.name}${commune.postcodes.length ? ` (${commune.postcodes.join(", ")})` : ""}` : "—"}</dd>
          <dt>Adresse</dt>
          <dd>{org.addressLine ?? "—"}</dd>
        </dl>
        {org.isOwner ? (
          <OrganisationEditor kind={kind} current={{ name: org.name, addressLine: org.addressLine, commune }} />
        ) : null}
      </Card>

      {stats ? (
        <Card title="Vos chiffres" id="chiffres">
          <ul className="company-stats">
            <li>
              <span className="company-stats__value">{stats.offers.published}</span>
              <span className="company-stats__label">{stats.offers.published > 1 ? "offres en ligne" : "offre en ligne"}</span>
            </li>
            <li>
              <span className="company-stats__value">{stats.views}</span>
              <span className="company-stats__label">{stats.views > 1 ? "vues" : "vue"}</span>
            </li>
            <li>
              <span className="company-stats__value">{stats.applications}</span>
              <span className="company-stats__label">{stats.applications > 1 ? "candidatures" : "candidature"}</span>
            </li>
            <li>
              <span className="company-stats__value">{stats.hires}</span>
              <span className="company-stats__label">{stats.hires > 1 ? "embauches" : "embauche"}</span>
            </li>
          </ul>
          <p className="muted">
            Sur toutes les offres de {words.the} : {plural(stats.offers.total, "offre", "offres")} en tout, dont{" "}
            {plural(stats.offers.draft, "brouillon", "brouillons")}, {stats.offers.paused} en pause,{" "}
            {plural(stats.offers.expired, "expirée", "expirées")}, {plural(stats.offers.filled, "pourvue", "pourvues")} et{" "}
            {plural(stats.offers.closed, "fermée", "fermées")}. Une vue compte une personne qui a ouvert l'offre.
          </p>
          <p>
            <Link href="/employeur">Voir mes offres</Link>
          </p>
        </Card>
      ) : null}

      <Card title={words.team} icon={<IconUsers />} id="equipe">
        <ul className="company-members">
          {org.members.map((m) => {
            const name = `${m.firstName} ${m.lastName}`;
            return (
              <li key={m.userId} className="company-member">
                <div className="company-member__who">
                  <p className="company-member__name">
                    <strong>{name}</strong>
                    {m.userId === user.id ? " (vous)" : null}{" "}
                    {m.isOwner ? <span className="badge">Responsable du compte</span> : null}{" "}
                    {m.status === "pending" ? <span className="badge badge--pending">Pas encore activé</span> : null}
                  </p>
                  <p className="company-member__meta">
                    <span className="company-member__email">{m.email ?? "—"}</span>
                    <br />
                    {m.isOwner ? "Inscrit le" : "Ajouté le"} {formatDate(m.addedAt, instanceTimeZone())}
                  </p>
                </div>
                {org.isOwner && !m.isOwner && m.userId !== user.id ? (
                  <MemberActions kind={kind} member={{ userId: m.userId, name, pending: m.status === "pending" }} timeZone={instanceTimeZone()} />
                ) : null}
              </li>
            );
          })}
        </ul>
        {!org.isOwner && owner ? (
          <p className="muted">
            Pour ajouter ou retirer une personne, ou modifier les informations, demandez à {owner.firstName} {owner.lastName},
            responsable du compte.
          </p>
        ) : null}
      </Card>

      {org.isOwner ? <AddRecruiterForm kind={kind} organisationName={org.name} activationUrl={await activationUrl()} timeZone={instanceTimeZone()} /> : null}
    </div>
  );
}
