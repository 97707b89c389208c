import type { Metadata } from "next";
import { AccountDetails } from "@/components/AccountDetails";
import { RefusedNotice } from "@/components/RefusedNotice";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { IconBriefcase } from "@/components/ui/icons";
import { requirePageRole } from "@/server/auth/session";

export const metadata: Metadata = { title: "Espace employeur" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EmployerHome({ searchParams }: Props) {
  const user = await requirePageRole(["employer"], "/employeur");
  return (
    <div className="readable">
      <RefusedNotice searchParams={searchParams} />
      <PageHeader title={`Bonjour ${user.firstName}`} intro="Bienvenue dans votre espace employeur." />
      <Card title="Prochaines étapes" icon={<IconBriefcase />} id="suite">
        <p>Bientôt, vous pourrez ici :</p>
        <ul>
          <li>enregistrer votre entreprise avec son numéro SIRET ;</li>
          <li>publier vos offres d'emploi et vos formations ;</li>
          <li>voir les candidats proches de votre offre, et pourquoi ils correspondent.</li>
        </ul>
        <p>Ces fonctions arrivent bientôt : elles apparaîtront sur cette page.</p>
      </Card>
      <AccountDetails user={user} />
    </div>
  );
}
