import Link from "next/link";
import type { ReactNode } from "react";
import { LinkButton } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { IconDocument } from "@/components/ui/icons";
import { serverCaller } from "@/lib/trpc/server";
import { NoOrganisationNotice } from "./NoOrganisationNotice";
import { FormationStatusBadge, dateRange, plural } from "./format";
import { FORMATION_PATHS, formationHref, type FormationSpace } from "./paths";

/**
 * The organisation's formations: status, dates, place, seats left and applicants, each
 * leading to its page. `header` is the page's own <h1> (the route decides what it says).
 */
export async function FormationsList({ space, header }: { space: FormationSpace; header: ReactNode }) {
  const { organisation, formations } = await (await serverCaller()).formations.mine();
  const paths = FORMATION_PATHS[space];
  return (
    <>
      {header}
      {!organisation ? (
        <NoOrganisationNotice space={space} />
      ) : (
        <section aria-labelledby="formations-title" className="formations-list">
          <div className="formations-list__head">
            <h2 id="formations-title">Vos formations</h2>
            <LinkButton href={paths.create} icon={<IconDocument />}>
              Publier une formation
            </LinkButton>
          </div>
          <p className="muted">Publiées au nom de {organisation.name}.</p>
          {formations.length === 0 ? (
            <Notice tone="info" title="Pas encore de formation" live="none">
              <p>
                Publiez votre première formation : les personnes qui cherchent les métiers auxquels elle prépare la
                verront près de chez elles, et pourront s'y inscrire.
              </p>
            </Notice>
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid="formations-table">
                <caption className="sr-only">Vos formations, leur état, leurs dates, leurs places et les inscriptions</caption>
                <thead>
                  <tr>
                    <th scope="col">Formation</th>
                    <th scope="col">État</th>
                    <th scope="col">Dates</th>
                    <th scope="col">Places restantes</th>
                    <th scope="col">Inscriptions</th>
                  </tr>
                </thead>
                <tbody>
                  {formations.map((f) => (
                    <tr key={f.id}>
                      <td className="break">
                        <Link href={formationHref(space, f.id)}>{f.title}</Link>
                        {f.communeName ? <div className="muted">{f.communeName}</div> : null}
                      </td>
                      <td>
                        <FormationStatusBadge status={f.status} finished={f.finished} />
                      </td>
                      <td>{dateRange(f.startsOn, f.endsOn)}</td>
                      <td className="nowrap">
                        {f.seatsLeft === null ? "—" : `${f.seatsLeft} sur ${f.seats}`}
                      </td>
                      <td>
                        {f.applications === 0 ? (
                          "Aucune"
                        ) : (
                          <>
                            {plural(f.applications, "demande", "demandes")}
                            {f.newApplications > 0 ? (
                              <div>
                                <strong>{plural(f.newApplications, "nouvelle", "nouvelles")}</strong>
                              </div>
                            ) : null}
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </>
  );
}
