import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import "@/components/adviser/followup/followup.css";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";

export const metadata: Metadata = { title: "Mes chiffres" };

const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)} %`);

/** The adviser's figures (the département's for an admin): caseload, CVs, proposals, hires, retention. */
export default async function FiguresPage() {
  const user = await requirePageRole(["adviser", "admin"], "/conseiller/chiffres");
  const f = await (await serverCaller()).followup.figures();
  const admin = user.role === "admin";
  const days = f.medianDaysToFirstHire;
  return (
    <>
      <PageHeader
        title={admin ? "Chiffres du département" : "Mes chiffres"}
        intro={admin ? "Toutes les personnes suivies par un conseiller." : "Les personnes que vous suivez, et leurs emplois."}
      />
      <Card title="Accompagnement" id="accompagnement">
        <dl className="followup-figures">
          <div>
            <dt>Personnes suivies</dt>
            <dd data-testid="figure-caseload">{f.caseload}</dd>
          </div>
          <div>
            <dt>CV complets</dt>
            <dd data-testid="figure-complete-cv">{f.completeCv}</dd>
          </div>
          <div>
            <dt>Offres proposées</dt>
            <dd data-testid="figure-proposals">{f.proposals}</dd>
          </div>
          <div>
            <dt>Embauches</dt>
            <dd data-testid="figure-hires">{f.hires}</dd>
          </div>
          <div>
            <dt>Délai médian entre l'inscription et la première embauche</dt>
            <dd data-testid="figure-median-days">{days === null ? "—" : `${String(Math.round(days * 10) / 10).replace(".", ",")} jour${days >= 2 ? "s" : ""}`}</dd>
          </div>
        </dl>
      </Card>
      <Card title="Maintien dans l'emploi" id="maintien">
        <p>
          Parmi les emplois dont la date du point de suivi est passée. Les personnes injoignables et les points pas encore notés
          ne comptent pas dans le taux.
        </p>
        <div className="followup-table-wrap">
          <table className="followup-table">
            <caption className="sr-only">Maintien dans l'emploi à 1, 3 et 6 mois</caption>
            <thead>
              <tr>
                <th scope="col">Après</th>
                <th scope="col">Taux</th>
                <th scope="col">Toujours en poste</th>
                <th scope="col">Emploi terminé</th>
                <th scope="col">Pas de réponse</th>
                <th scope="col">Emplois concernés</th>
              </tr>
            </thead>
            <tbody>
              {f.retention.map((r) => (
                <tr key={r.monthsAfter} data-testid={`retention-${r.monthsAfter}`}>
                  <th scope="row">{r.monthsAfter} mois</th>
                  <td>{percent(r.rate)}</td>
                  <td>{r.retained}</td>
                  <td>{r.notRetained}</td>
                  <td>{r.unknown}</td>
                  <td>{r.eligible}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <p>
        <Link href="/conseiller/suivi">Voir les points de suivi à faire</Link>
      </p>
    </>
  );
}
