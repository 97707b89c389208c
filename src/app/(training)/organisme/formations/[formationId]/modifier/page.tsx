import type { Metadata } from "next";
import { FormationEditor } from "@/components/pro/formations/FormationEditor";
import { requirePageRole } from "@/server/api/session";

export const metadata: Metadata = { title: "Modifier une formation" };

type Props = { params: Promise<{ formationId: string }> };

export default async function TrainingOrgEditFormationPage({ params }: Props) {
  const { formationId } = await params;
  await requirePageRole(["training_org"], `/organisme/formations/${formationId}/modifier`);
  return (
    <div className="readable">
      <FormationEditor space="training" formationId={formationId} />
    </div>
  );
}
