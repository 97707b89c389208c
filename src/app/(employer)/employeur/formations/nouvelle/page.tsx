import type { Metadata } from "next";
import { FormationEditor } from "@/components/pro/formations/FormationEditor";
import { requirePageRole } from "@/server/api/session";

export const metadata: Metadata = { title: "Publier une formation" };

export default async function EmployerNewFormationPage() {
  await requirePageRole(["employer"], "/employeur/formations/nouvelle");
  return (
    <div className="readable">
      <FormationEditor space="employer" />
    </div>
  );
}
