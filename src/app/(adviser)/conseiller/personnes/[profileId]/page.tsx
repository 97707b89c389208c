import { formatDate, formatDateTime } from "@/lib/dates";
import { instanceTimeZone } from "@/server/config/time-zone";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { IconBriefcase, IconDocument, IconMail, IconUser, IconUsers, IconTrash } from "@/components/ui/icons";
import { CHANNEL_LABELS, FREQUENCY_LABELS } from "@/server/notifications/categories";
import { SHIFT_LABELS } from "@/server/geo/shifts";
import { DRIVING_LICENCE_LABELS, TRAVEL_MODE_LABELS } from "@/server/profiles/labels";
import { AssignForm } from "@/components/adviser/caseload/AssignForm";
import { NoteForm } from "@/components/adviser/caseload/NoteForm";
import { PlacementsReadOnly } from "@/components/adviser/caseload/PlacementsReadOnly";
import { PlacementsPanel } from "@/components/adviser/followup/PlacementsPanel";
import { PersonCvActions } from "@/components/adviser/cv/PersonCvActions";
import { ProposeOfferForm } from "@/components/adviser/caseload/ProposeOfferForm";
import { PrescribeForm } from "@/components/adviser/caseload/PrescribeForm";
import { FileMenu } from "@/components/adviser/caseload/FileMenu";
import { TakeButton } from "@/components/adviser/caseload/TakeButton";
import { ErasePersonForm } from "@/components/adviser/caseload/ErasePersonForm";
import { APPLICATION_STATUS_LABELS, PROPOSAL_STATUS_LABELS } from "@/components/adviser/caseload/labels";
import "@/components/adviser/caseload/caseload.css";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";
import { loadInstanceConfig } from "@/server/config/config";
import { formatPhoneForPeople } from "@/lib/phone";
import { PhoneForm } from "@/components/cv/PhoneForm";

export const metadata: Metadata = { title: "Dossier de la personne" };

type Props = { params: Promise<{ profileId: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ACCOUNT_WORDS = { active: "Compte actif", pending: "En attente d'activation (code remis)", disabled: "Compte désactivé" } as const;

export default async function PersonFilePage({ params }: Props) {
  const { profileId } = await params;
  const user = await requirePageRole(["adviser", "admin"], `/conseiller/personnes/${profileId}`);
  if (!UUID.test(profileId)) notFound();
  const caller = await serverCaller();
  // Opening the file is audited by caseload.file (who, whom, when).
  const file = await caller.caseload.file({ profileId }).catch((err: unknown) => {
    if ((err as { code?: string } | null)?.code === "NOT_FOUND") notFound();
    throw err;
  });
  const [matches, counts] = await Promise.all([
    caller.matching.offersForBeneficiary({ profileId, limit: 5 }).catch(() => []),
    user.role === "admin" ? caller.caseload.countsByAdviser() : Promise.resolve(null),
  ]);
  const { identity, profile, completeness } = file;
  const name = `${identity.firstName} ${identity.lastName}`.trim() || "(sans nom)";
  const proposedByAdviser = new Set(file.proposals.filter((p) => p.fromKind === "adviser" && p.offer).map((p) => p.offer!.id));
  const exitReasons = loadInstanceConfig().exitReasons;
  // an adviser applies only for the people they follow (an admin for anyone)
  const mayPrescribe = identity.status !== "archived" && (user.role === "admin" || identity.adviserId === user.id);
  const appliedTo = new Set(file.applications.flatMap((a) => (a.offer ? [a.offer.id] : [])));

  return (
    <>
      <p>
        <Link href="/conseiller">Retour à mes personnes suivies</Link>
      </p>
      <PageHeader
        title={name}
        intro={[
          profile?.commune?.name,
          identity.status === "archived" ? "dossier archivé" : null,
          identity.adviserName ? `suivi·e par ${identity.adviserName}` : "sans conseiller",
        ]
          .filter(Boolean)
          .join(" — ")}
      />
      <FileMenu />

      <Card title="Identité et compte" icon={<IconUser />} id="identite">
        <dl className="details-list">
          <dt>Adresse e-mail</dt>
          <dd className="break">{identity.account?.email ?? identity.email ?? "—"}</dd>
          <dt>Téléphone</dt>
          <dd>{identity.phone ? formatPhoneForPeople(identity.phone) : "—"}</dd>
          <dt>Identifiant du département</dt>
          <dd>{identity.externalId ?? "—"}</dd>
          <dt>Compte</dt>
          <dd>
            {identity.account ? ACCOUNT_WORDS[identity.account.status] : "Pas de compte"}
            {identity.account?.lastSignInAt ? ` — dernière connexion le ${formatDateTime(identity.account.lastSignInAt, instanceTimeZone())}` : ""}
          </dd>
          <dt>Inscription</dt>
          <dd>{formatDate(identity.createdAt, instanceTimeZone())}</dd>
        </dl>
        {identity.status !== "archived" ? <PhoneForm phone={identity.phone} profileId={profileId} voice="adviser" /> : null}
        {user.role === "adviser" && identity.adviserId === null ? <TakeButton profileId={profileId} name={name} /> : null}
        {counts ? (
          <AssignForm
            profileId={profileId}
            adviserId={identity.adviserId}
            advisers={counts.advisers
              .filter((a) => a.status === "active" || a.adviserId === identity.adviserId)
              .map((a) => ({ id: a.adviserId, name: `${a.firstName} ${a.lastName}`.trim() || (a.email ?? a.adviserId) }))}
          />
        ) : null}
      </Card>

      <Card title="Comment nos messages la joignent" icon={<IconMail />} id="joindre">
        {file.reach ? (
          <>
            <dl className="details-list">
              <dt>E-mail</dt>
              <dd className="break">
                {file.reach.email ? (file.reach.emailFailing ? <strong>Les e-mails n&apos;arrivent plus ({file.reach.email})</strong> : `Oui (${file.reach.email})`) : "Pas d'adresse"}
              </dd>
              <dt>SMS</dt>
              <dd>{file.reach.phone ? "Possible (téléphone donné)" : "Non : pas de numéro"}</dd>
              <dt>Notifications sur téléphone</dt>
              <dd>{file.reach.pushDevices > 0 ? `${file.reach.pushDevices} appareil${file.reach.pushDevices > 1 ? "s" : ""}` : "Aucun appareil"}</dd>
              <dt>Alertes d&apos;offres</dt>
              <dd>{FREQUENCY_LABELS[file.reach.alertsFrequency]}</dd>
            </dl>
            <details>
              <summary>Ses choix, message par message</summary>
              <ul>
                {file.reach.categories.map((c) => (
                  <li key={c.label}>
                    {c.label} : {c.frequency === "never" || c.channels.length === 0 ? "seulement dans l'application" : `${c.channels.map((ch) => CHANNEL_LABELS[ch].toLowerCase()).join(", ")} — ${FREQUENCY_LABELS[c.frequency].toLowerCase()}`}
                  </li>
                ))}
              </ul>
            </details>
            <p className="muted">La personne choisit elle-même dans « Mes messages » ; vous ne pouvez pas le changer.</p>
          </>
        ) : (
          <p>Pas de compte actif : nos messages ne la joignent pas. Appelez-la ou écrivez-lui.</p>
        )}
      </Card>

      <Card title="CV" icon={<IconDocument />} id="cv">
        <p>
          CV rempli à <strong>{completeness.percent} %</strong>.
          {completeness.missing.length > 0 ? ` Reste à faire : ${completeness.missing.map((m) => m.label.toLowerCase()).join(", ")}.` : ""}
        </p>
        {profile ? (
          <dl className="details-list">
            <dt>Métiers cherchés</dt>
            <dd>{profile.jobs.filter((j) => j.kind === "sought").map((j) => j.label).join(", ") || "—"}</dd>
            <dt>Expérience</dt>
            <dd>
              {profile.jobs
                .filter((j) => j.kind === "done")
                .map((j) => `${j.label}${j.years ? ` (${j.years} an${j.years > 1 ? "s" : ""})` : ""}`)
                .join(", ") || "—"}
            </dd>
            <dt>Compétences</dt>
            <dd>{profile.skills.map((s) => s.label).join(", ") || "—"}</dd>
            <dt>Déplacements</dt>
            <dd>
              {profile.travelModes.map((m) => TRAVEL_MODE_LABELS[m]).join(", ") || "—"} — jusqu'à {profile.maxDistanceKm} km —{" "}
              {DRIVING_LICENCE_LABELS[profile.drivingLicence]}
              {profile.hasVehicle ? ", véhicule" : ""}
            </dd>
            <dt>Disponibilité</dt>
            <dd>
              {profile.availableFrom ? `À partir du ${formatDate(profile.availableFrom, instanceTimeZone())}` : "Dès maintenant"}
              {profile.shifts.length ? ` — ${profile.shifts.map((s) => SHIFT_LABELS[s]).join(", ")}` : ""}
              {profile.fullTime === true ? " — temps plein" : profile.fullTime === false ? " — temps partiel" : ""}
            </dd>
            <dt>Formations</dt>
            <dd>{profile.formations.map((f) => `${f.title}${f.year ? ` (${f.year})` : ""}`).join(", ") || "—"}</dd>
            <dt>Quelques mots</dt>
            <dd className="caseload-note">{profile.about ?? "—"}</dd>
            <dt>Visible des entreprises</dt>
            <dd>{profile.visibleToEmployers ? "Oui" : "Non"}</dd>
          </dl>
        ) : null}
        <PersonCvActions profileId={profileId} />
      </Card>

      <Card title="Proposer une offre" icon={<IconBriefcase />} id="proposer">
        {matches.length === 0 ? (
          <p>Aucune offre ne correspond au CV pour l'instant.</p>
        ) : (
          <ul className="caseload-list">
            {matches.map((m) => (
              <li key={m.id} className="caseload-item">
                <h3>{m.offer.title}</h3>
                <p>
                  {m.offer.employerName} — {m.offer.communeName} — à {Math.round(m.distanceKm)} km
                  {m.reasons.length ? <span className="muted"> — {m.reasons.join(" ; ")}</span> : null}
                </p>
                <ProposeOfferForm
                  profileId={profileId}
                  offerId={m.id}
                  offerTitle={m.offer.title}
                  alreadyProposed={proposedByAdviser.has(m.id)}
                />
                {appliedTo.has(m.id) ? (
                  <p className="muted">Candidature déjà envoyée pour cette offre.</p>
                ) : mayPrescribe ? (
                  <PrescribeForm profileId={profileId} offerId={m.id} offerTitle={m.offer.title} name={name} />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title="Candidatures" icon={<IconDocument />} id="candidatures">
        {file.applications.length === 0 ? (
          <p>Aucune candidature.</p>
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="applications-caption">
            <table className="table">
              <caption id="applications-caption">Candidatures de {name}</caption>
              <thead>
                <tr>
                  <th scope="col">Offre ou formation</th>
                  <th scope="col">Envoyée le</th>
                  <th scope="col">État</th>
                </tr>
              </thead>
              <tbody>
                {file.applications.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      {a.offer ? `${a.offer.title} — ${a.offer.employerName}` : a.formation ? `${a.formation.title} — ${a.formation.providerName}` : "—"}
                    </th>
                    <td className="nowrap">{formatDate(a.createdAt, instanceTimeZone())}</td>
                    <td>{APPLICATION_STATUS_LABELS[a.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card title="Propositions" icon={<IconBriefcase />} id="propositions">
        {file.proposals.length === 0 ? (
          <p>Aucune proposition.</p>
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="proposals-caption">
            <table className="table">
              <caption id="proposals-caption">Propositions faites à {name}</caption>
              <thead>
                <tr>
                  <th scope="col">Offre</th>
                  <th scope="col">De la part</th>
                  <th scope="col">Le</th>
                  <th scope="col">Réponse</th>
                </tr>
              </thead>
              <tbody>
                {file.proposals.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.offer ? `${p.offer.title} — ${p.offer.employerName}` : "—"}</th>
                    <td>{p.fromKind === "adviser" ? "D'un conseiller" : "De l'employeur"}</td>
                    <td className="nowrap">{formatDate(p.createdAt, instanceTimeZone())}</td>
                    <td>{PROPOSAL_STATUS_LABELS[p.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      {user.role === "admin" || identity.adviserId === user.id ? (
        // the person's adviser (or an admin) records jobs and check-ins here
        <PlacementsPanel profileId={profileId} />
      ) : (
        <Card title="Emplois et suivi dans l'emploi" icon={<IconBriefcase />} id="emplois">
          <PlacementsReadOnly placements={file.placements} exitReasons={exitReasons} />
          <p className="muted">Prenez la personne en charge pour enregistrer un emploi ou un suivi.</p>
        </Card>
      )}

      <Card title="Notes" icon={<IconUsers />} id="notes">
        <NoteForm profileId={profileId} />
        {file.notes.length === 0 ? (
          <p>Aucune note pour l'instant.</p>
        ) : (
          <ul className="caseload-list" aria-label="Notes déjà écrites">
            {file.notes.map((n) => (
              <li key={n.id} className="caseload-item">
                <p className="muted">
                  {n.authorName || "Conseiller"}, le {formatDateTime(n.createdAt, instanceTimeZone())}
                </p>
                <p className="caseload-note">{n.body}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title="Historique" icon={<IconDocument />} id="historique">
        <ol className="caseload-timeline" reversed>
          {file.timeline.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <time dateTime={e.at}>{e.at.length === 10 ? formatDate(e.at, instanceTimeZone()) : formatDateTime(e.at, instanceTimeZone())}</time>
              {e.label}
            </li>
          ))}
        </ol>
      </Card>

      {user.role === "admin" || (identity.adviserId === user.id && identity.account?.status !== "active") ? (
        // an adviser erases their people without an account of their own; an admin anyone (privacy.erasePerson)
        <Card title="Effacer la personne" icon={<IconTrash />} id="effacer">
          {identity.account?.status === "active" ? (
            <p>Cette personne a un compte : elle peut l'effacer elle-même, page « Mes données ». Effacez-la ici seulement si elle vous l'a demandé.</p>
          ) : null}
          <ErasePersonForm profileId={profileId} name={name} />
        </Card>
      ) : null}
    </>
  );
}
