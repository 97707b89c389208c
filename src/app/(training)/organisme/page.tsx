import type { Metadata } from "next";
import { AccountDetails } from "@/components/AccountDetails";
import { RefusedNotice } from "@/components/RefusedNotice";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { IconDocument } from "@/components/ui/icons";
import { requirePageRole } from "@/server/auth/session";

export const metadata: Metadata = { title: "Espace organisme de formation" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TrainingOrgHome({ searchParams }: Props) {
  const user = await requirePageRole(["training_org"], "/organisme");
  return (
    <div className="readable">
      <RefusedNotice searchParams={searchParams} />
      <PageHeader title={`Bonjour ${user.firstName}`} intro="Bienvenue dans l'espace des organismes de formation." />
      <Card title="Prochaines étapes" icon={<IconDocument />} id="suite">
        <p>Bientôt, vous pourrez ici publier vos formations : dates, lieu, nombre de places et métiers visés.</p>
        <p>Les personnes et les conseillers du territoire les verront près de chez eux.</p>
      </Card>
      <AccountDetails user={user} />
    </div>
  );
}
