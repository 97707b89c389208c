import { PageHeader } from "@/components/ui/PageHeader";
import { serverCaller } from "@/lib/trpc/server";
import { EMPTY_FORMATION, FormationForm, type FormationFormValues } from "./FormationForm";
import { NoOrganisationNotice } from "./NoOrganisationNotice";
import { loadForPage } from "./load";
import type { FormationSpace } from "./paths";

/** The page of a new formation (no formationId) or of changing one. */
export async function FormationEditor({ space, formationId }: { space: FormationSpace; formationId?: string }) {
  const caller = await serverCaller();
  if (!formationId) {
    const { organisation } = await caller.formations.mine();
    return (
      <>
        <PageHeader
          title="Publier une formation"
          intro="Les personnes qui cherchent les métiers auxquels elle prépare la verront près de chez elles et pourront s'y inscrire."
        />
        {organisation ? (
          <>
            <p className="muted">Elle sera publiée au nom de {organisation.name}.</p>
            <FormationForm space={space} initial={EMPTY_FORMATION} />
          </>
        ) : (
          <NoOrganisationNotice space={space} />
        )}
      </>
    );
  }

  const f = await loadForPage(() => caller.formations.get({ formationId }));
  if (!f) {
    return (
      <>
        <PageHeader title="Modifier une formation" />
        <NoOrganisationNotice space={space} />
      </>
    );
  }
  const initial: FormationFormValues = {
    title: f.title,
    description: f.description ?? "",
    jobs: f.jobs,
    commune: f.commune,
    precisePoint: f.precisePoint,
    startsOn: f.startsOn,
    endsOn: f.endsOn ?? "",
    seats: f.seats === null ? "" : String(f.seats),
    prerequisites: f.prerequisites ?? "",
    costEuros: f.costEuros === null ? "" : String(f.costEuros),
    funding: f.funding ?? "",
  };
  return (
    <>
      <PageHeader title={`Modifier « ${f.title} »`} />
      <FormationForm space={space} initial={initial} existing={{ id: f.id, version: f.version, status: f.status }} />
    </>
  );
}
