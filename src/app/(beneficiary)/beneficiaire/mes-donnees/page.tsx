import { formatWrittenDate } from "@/lib/dates";
import { instanceTimeZone } from "@/server/config/time-zone";
import type { Metadata } from "next";
import Link from "next/link";
import { EraseAccount } from "@/components/beneficiary/EraseAccount";
import { IconDownload, IconShield, IconTrash, IconEyeOff } from "@/components/ui/icons";
import { VisibilitySwitch } from "@/components/beneficiary/VisibilitySwitch";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";

export const metadata: Metadata = { title: "Mes données" };

function plural(n: number, one: string, many: string) {
  return `${n} ${n > 1 ? many : one}`;
}

export default async function MyDataPage() {
  await requirePageRole(["beneficiary"], "/beneficiaire/mes-donnees");
  const data = await (await serverCaller()).privacy.exportMine();
  const account = data?.account;
  const profile = data?.profile ?? null;
  const sought = profile?.jobs.filter((j) => j.kind === "sought").length ?? 0;

  return (
    <div className="readable">
      <PageHeader title="Mes données" intro="Ce que nous gardons sur vous. Vous pouvez tout voir, tout télécharger et tout effacer." />

      <Card title="Ce que nous gardons" icon={<IconShield />} id="resume">
        <dl className="details-list">
          <dt>Votre compte</dt>
          <dd>
            {account ? `${account.firstName} ${account.lastName}, ${account.email ?? "sans e-mail"}` : "—"}
            {account?.createdAt ? <><br />Créé le {formatWrittenDate(account.createdAt, instanceTimeZone())}</> : null}
          </dd>
          <dt>Votre CV</dt>
          <dd>
            {profile ? (
              <>
                Votre commune, vos déplacements, {plural(sought, "métier cherché", "métiers cherchés")},{" "}
                {plural(profile.skillCodes.length, "compétence", "compétences")}, {plural(profile.formations?.length ?? 0, "formation", "formations")}
                {profile.about ? ", quelques mots sur vous" : ""}. <Link href="/beneficiaire/cv">Voir mon CV</Link>
              </>
            ) : (
              "Pas encore de CV."
            )}
          </dd>
          <dt>Vos candidatures</dt>
          <dd>{plural(data?.applications.length ?? 0, "candidature", "candidatures")}</dd>
          <dt>Vos propositions</dt>
          <dd>{plural(data?.proposals.length ?? 0, "proposition", "propositions")}</dd>
          <dt>Vos emplois et leur suivi</dt>
          <dd>{plural(data?.placements.length ?? 0, "emploi", "emplois")}</dd>
          <dt>Les notes de votre conseiller</dt>
          <dd>{plural(data?.adviserNotes.length ?? 0, "note", "notes")}</dd>
          <dt>Qui a vu ou modifié vos données</dt>
          <dd>{plural(data?.accountHistory.length ?? 0, "événement", "événements")} (qui, quoi, quand)</dd>
        </dl>
        <p>
          Les entreprises ne voient jamais si vous touchez le RSA, votre santé ni les notes de votre conseiller. Pour en savoir
          plus, lisez la page <Link href="/donnees-personnelles">Données personnelles</Link>.
        </p>
        <div className="actions">
          <Link href="/beneficiaire/mes-donnees/tout" className="btn btn--primary btn--block">
            <span>Voir toutes mes données (à lire, imprimer ou PDF)</span>
          </Link>
          <a href="/api/mes-donnees" download className="btn btn--secondary btn--block">
            <IconDownload />
            <span>Télécharger (JSON)</span>
          </a>
        </div>
      </Card>

      {profile ? (
        <Card title="Mon profil et les entreprises" icon={<IconEyeOff />} id="visibilite">
          <VisibilitySwitch visible={profile.visibleToEmployers} />
        </Card>
      ) : null}

      <Card title="Supprimer mon compte" icon={<IconTrash />} id="supprimer">
        <p>Si vous supprimez votre compte, nous effaçons :</p>
        <ul>
          <li>votre compte et votre mot de passe ;</li>
          <li>votre CV : commune, métiers, compétences, formations ;</li>
          <li>vos candidatures et vos propositions ;</li>
          <li>vos emplois et leur suivi, les notes de votre conseiller ;</li>
          <li>vos notifications, les e-mails vous concernant, et votre nom dans la liste de qui a vu vos données.</li>
        </ul>
        <p>
          Il reste seulement une ligne « une personne a effacé son compte », avec la date, sans votre nom.{" "}
          <strong>On ne peut pas revenir en arrière.</strong>
        </p>
        <EraseAccount />
      </Card>
    </div>
  );
}
