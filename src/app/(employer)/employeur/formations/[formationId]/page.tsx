import type { Metadata } from "next";
import { FormationDetail } from "@/components/pro/formations/FormationDetail";
import { requirePageRole } from "@/server/api/session";

export const metadata: Metadata = { title: "Formation et demandes d'inscription" };

type Props = {
  params: Promise<{ formationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EmployerFormationPage({ params, searchParams }: Props) {
  const { formationId } = await params;
  await requirePageRole(["employer"], `/employeur/formations/${formationId}`);
  const { fait } = await searchParams;
  return (
    <div className="readable">
      <FormationDetail space="employer" formationId={formationId} done={typeof fait === "string" ? fait : undefined} />
    </div>
  );
}
