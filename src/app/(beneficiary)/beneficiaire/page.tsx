import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AccountDetails } from "@/components/AccountDetails";
import { CvProgress } from "@/components/beneficiary/CvProgress";
import { IconGraduation, IconMail, IconSearch, IconSend, IconShield, IconArrowRight, IconDocument } from "@/components/ui/icons";
import { RefusedNotice } from "@/components/RefusedNotice";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";

export const metadata: Metadata = { title: "Mon espace" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function Tile({ href, icon, title, hint, badge }: { href: string; icon: ReactNode; title: string; hint: string; badge?: ReactNode }) {
  return (
    <li>
      <Link href={href} className="tile tile--secondary">
        {icon}
        <span className="tile__text">
          {title}
          <span className="tile__hint">{hint}</span>
        </span>
        {badge}
      </Link>
    </li>
  );
}

export default async function BeneficiaryHome({ searchParams }: Props) {
  const user = await requirePageRole(["beneficiary"], "/beneficiaire");
  const caller = await serverCaller();
  const [{ completeness }, proposals, applications] = await Promise.all([
    caller.profile.mine(),
    caller.proposals.mine(),
    caller.applications.mine(),
  ]);
  const pending = proposals.filter((p) => p.status === "pending").length;
  const activeApplications = applications.filter((a) => a.status !== "withdrawn").length;

  return (
    <div className="readable">
      <RefusedNotice searchParams={searchParams} />
      <PageHeader title={`Bonjour ${user.firstName}`} intro="Bienvenue dans votre espace." />

      {pending > 0 ? (
        <ul className="tiles">
          <li>
            <Link href="/beneficiaire/propositions" className="tile">
              <IconMail size="2rem" />
              <span className="tile__text">
                {pending === 1 ? "Vous avez 1 proposition" : `Vous avez ${pending} propositions`}
                <span className="tile__hint">Une entreprise ou votre conseiller attend votre réponse</span>
              </span>
              <IconArrowRight />
            </Link>
          </li>
        </ul>
      ) : null}

      <Card title={completeness.next ? "Prochaine étape : votre CV" : "Votre CV"} icon={<IconDocument />} id="cv">
        <CvProgress completeness={completeness} />
      </Card>

      <h2>Que voulez-vous faire ?</h2>
      <ul className="tiles tiles--two">
        <Tile href="/beneficiaire/offres" icon={<IconSearch size="2rem" />} title="Offres près de chez moi" hint="Les emplois autour de vous" />
        <Tile href="/beneficiaire/formations" icon={<IconGraduation size="2rem" />} title="Formations" hint="Pour apprendre un métier" />
        <Tile
          href="/beneficiaire/candidatures"
          icon={<IconSend size="2rem" />}
          title="Mes candidatures"
          hint={activeApplications ? `${activeApplications} en cours` : "Les offres où vous avez postulé"}
        />
        <Tile
          href="/beneficiaire/propositions"
          icon={<IconMail size="2rem" />}
          title="Mes propositions"
          hint={pending ? `${pending} en attente de réponse` : "Des entreprises ou votre conseiller"}
        />
        <Tile href="/beneficiaire/cv" icon={<IconDocument size="2rem" />} title="Mon CV" hint="Le voir, le télécharger" />
        <Tile href="/beneficiaire/mes-donnees" icon={<IconShield size="2rem" />} title="Mes données" hint="Les voir, les télécharger, les effacer" />
        <Tile href="/beneficiaire/messages" icon={<IconMail size="2rem" />} title="Mes messages" hint="E-mails, SMS : choisir ce qu'on vous envoie" />
      </ul>

      <AccountDetails user={user} />
    </div>
  );
}
