import type { RouterOutputs } from "@/lib/trpc/types";
import { formatDate } from "@/lib/dates";
import { instanceTimeZone } from "@/server/config/time-zone";
import { CONTRACT_LABELS, type Contract } from "@/server/offers/labels";
import { CHECK_IN_STATUS_LABELS } from "./labels";

type FilePlacement = RouterOutputs["caseload"]["file"]["placements"][number];

/** What the list shows of the person's placements (caseload.file). */
type Placement = Pick<
  FilePlacement,
  "id" | "employerName" | "jobTitle" | "contract" | "hoursPerWeek" | "startsOn" | "status" | "endedOn" | "endReason"
> & { checkIns: Array<Pick<FilePlacement["checkIns"][number], "id" | "monthsAfter" | "dueOn" | "status" | "note">> };

/** The person's jobs and their +1/+3/+6 month calls, read only (recording happens on the follow-up pages). */
export function PlacementsReadOnly({ placements, exitReasons }: { placements: Placement[]; exitReasons: Array<{ code: string; label: string }> }) {
  if (placements.length === 0) return <p>Aucun emploi enregistré pour l'instant.</p>;
  const reason = new Map(exitReasons.map((r) => [r.code, r.label]));
  return (
    <ul className="caseload-list">
      {placements.map((p) => (
        <li key={p.id} className="caseload-item">
          <h3>
            {p.jobTitle}
            {p.employerName ? ` chez ${p.employerName}` : ""}
          </h3>
          <p>
            Depuis le {formatDate(p.startsOn, instanceTimeZone())}
            {p.contract ? ` — ${CONTRACT_LABELS[p.contract]}` : ""}
            {p.hoursPerWeek ? ` — ${p.hoursPerWeek} h par semaine` : ""}
            {p.status === "ended"
              ? ` — terminé${p.endedOn ? ` le ${formatDate(p.endedOn, instanceTimeZone())}` : ""}${p.endReason ? ` (${reason.get(p.endReason) ?? p.endReason})` : ""}`
              : ""}
          </p>
          {p.checkIns.length > 0 ? (
            <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={`checkins-${p.id}`}>
              <table className="table">
                <caption id={`checkins-${p.id}`}>Suivi dans l'emploi : {p.jobTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">Appel</th>
                    <th scope="col">Prévu le</th>
                    <th scope="col">Résultat</th>
                  </tr>
                </thead>
                <tbody>
                  {p.checkIns.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">À {c.monthsAfter} mois</th>
                      <td className="nowrap">{formatDate(c.dueOn, instanceTimeZone())}</td>
                      <td>
                        {CHECK_IN_STATUS_LABELS[c.status]}
                        {c.note ? <span className="muted"> — {c.note}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
