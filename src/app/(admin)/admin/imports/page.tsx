import type { Metadata } from "next";
import { adviserOptions } from "@/components/admin/adviserOptions";
import { ImportWizard } from "@/components/admin/ImportWizard";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";

export const metadata: Metadata = { title: "Imports" };

export default async function ImportsPage() {
  await requirePageRole(["admin"], "/admin/imports");
  const caller = await serverCaller();
  const [info, caseloads] = await Promise.all([caller.instance.info(), caller.caseload.countsByAdviser()]);
  const territoryName = new Map(info.territories.map((t) => [t.code, t.name]));
  return (
    <>
      <PageHeader
        title="Imports"
        intro="Importez des bénéficiaires, des offres ou des formations depuis un fichier CSV. Le fichier est d'abord vérifié ligne par ligne, sans rien enregistrer ; vous confirmez ensuite l'import."
      />
      <ImportWizard advisers={adviserOptions(caseloads.advisers, territoryName)} />
    </>
  );
}
