import type { Metadata } from "next";
import { AccountDetails } from "@/components/AccountDetails";
import { RefusedNotice } from "@/components/RefusedNotice";
import { FormationsList } from "@/components/pro/formations/FormationsList";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageRole } from "@/server/api/session";

export const metadata: Metadata = { title: "Mes formations" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TrainingOrgHome({ searchParams }: Props) {
  const user = await requirePageRole(["training_org"], "/organisme");
  return (
    <div className="readable">
      <RefusedNotice searchParams={searchParams} />
      <FormationsList
        space="training"
        header={
          <PageHeader
            title={`Bonjour ${user.firstName}`}
            intro="Vos formations, les personnes qui demandent à s'y inscrire, et vos réponses."
          />
        }
      />
      <AccountDetails user={user} />
    </div>
  );
}
