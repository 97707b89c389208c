import type { Metadata } from "next";
import Link from "next/link";
import { AccountDetails } from "@/components/AccountDetails";
import { RefusedNotice } from "@/components/RefusedNotice";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { IconDocument, IconLock } from "@/components/ui/icons";
import { requirePageRole } from "@/server/auth/session";

export const metadata: Metadata = { title: "Mon espace" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BeneficiaryHome({ searchParams }: Props) {
  const user = await requirePageRole(["beneficiary"], "/beneficiaire");
  return (
    <div className="readable">
      <RefusedNotice searchParams={searchParams} />
      <PageHeader title={`Bonjour ${user.firstName}`} intro="Bienvenue dans votre espace." />

      <Card title="Prochaine étape : votre CV" icon={<IconDocument />} id="cv">
        <p>
          Bientôt, vous pourrez faire votre CV ici, depuis votre téléphone. Vous choisirez vos métiers et ce que vous
          savez faire dans une liste : pas besoin d'écrire de longs textes.
        </p>
        <p>Ensuite, les entreprises près de chez vous pourront vous trouver.</p>
        <p>
          <strong>Vous n'avez rien à faire pour l'instant.</strong> Revenez bientôt : votre CV se fera sur cette page.
        </p>
      </Card>

      <AccountDetails user={user} />

      <Card title="Vos données" icon={<IconLock />} id="donnees">
        <p>
          Les entreprises ne voient jamais si vous touchez le RSA. Pour savoir ce que nous gardons sur vous, lisez la
          page <Link href="/donnees-personnelles">Données personnelles</Link>.
        </p>
      </Card>
    </div>
  );
}
