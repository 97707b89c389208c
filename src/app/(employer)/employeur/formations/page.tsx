import type { Metadata } from "next";
import { FormationsList } from "@/components/pro/formations/FormationsList";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageRole } from "@/server/api/session";

export const metadata: Metadata = { title: "Formations de l'entreprise" };

export default async function EmployerFormationsPage() {
  await requirePageRole(["employer"], "/employeur/formations");
  return (
    <div className="readable">
      <FormationsList
        space="employer"
        header={
          <PageHeader
            title="Formations"
            intro="Vous formez vous-même vos futurs salariés ? Publiez vos formations : les personnes du territoire qui cherchent ces métiers les verront."
          />
        }
      />
    </div>
  );
}
