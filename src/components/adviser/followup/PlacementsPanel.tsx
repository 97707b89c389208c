import { TRPCError } from "@trpc/server";
import { CONTRACT_LABELS, type Contract } from "@/server/offers/labels";
import { Card } from "@/components/ui/Card";
import { IconBriefcase } from "@/components/ui/icons";
import { serverCaller } from "@/lib/trpc/server";
import { CreatePlacementForm } from "./CreatePlacementForm";
import { CHECK_IN_STATE_LABELS, employerAnswerWords, longDate } from "./labels";
import { RecordCheckInForm } from "./RecordCheckInForm";
import "./followup.css";

/**
 * A person's jobs and their six-month follow-up, for the person's file (server component:
 * embed it as `<PlacementsPanel profileId={id} />` in a page that already called
 * requirePageRole(["adviser", "admin"], …)). Each check-in due or overdue has its
 * "record" form; the next one not due yet lets the adviser report an early end; a form
 * records a job by hand. Someone outside the adviser's caseload gets a short explanation
 * instead (the follow-up procedures answer NOT_FOUND for them).
 */
export async function PlacementsPanel({ profileId }: { profileId: string }) {
  let data;
  try {
    data = await (await serverCaller()).followup.placementsOfProfile({ profileId });
  } catch (err) {
    // a person of the territory not (yet) in this adviser's caseload: follow-up is the caseload's
    if (err instanceof TRPCError && err.code === "NOT_FOUND") {
      return (
        <Card title="Emplois et suivi dans l'emploi" icon={<IconBriefcase />} id="emplois">
          <p>Les emplois et leur suivi sont réservés au conseiller de la personne. Prenez-la dans votre file active pour les suivre.</p>
        </Card>
      );
    }
    throw err;
  }
  const name = data.profile.firstName || "la personne";
  return (
    <Card title="Emplois et suivi dans l'emploi" icon={<IconBriefcase />} id="emplois">
      {data.placements.length === 0 ? <p>Aucun emploi enregistré pour le moment.</p> : null}
      {data.placements.map((p) => {
        const firstUpcoming = p.checkIns.find((c) => c.state === "upcoming");
        return (
          <article key={p.id} className="followup-placement" aria-labelledby={`placement-${p.id}`}>
            <h3 id={`placement-${p.id}`}>
              {p.jobTitle}
              {p.employerName ? ` — ${p.employerName}` : ""}
            </h3>
            <p className="followup-item__meta">
              {[
                p.contract ? CONTRACT_LABELS[p.contract as Contract] : null,
                `depuis le ${longDate(p.startsOn)}`,
                p.hoursPerWeek ? `${String(p.hoursPerWeek).replace(".", ",")} h par semaine` : null,
                p.source === "adviser" ? "enregistré par un conseiller" : "embauche déclarée par l'employeur",
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
            {p.status === "ended" ? (
              <p>
                <strong>Emploi terminé{p.endedOn ? ` le ${longDate(p.endedOn)}` : ""}</strong>
                {p.endReasonLabel ? ` : ${p.endReasonLabel}` : ""}
              </p>
            ) : null}
            <ul className="followup-list" aria-label={`Points de suivi : ${p.jobTitle}`}>
              {p.checkIns.map((c) => {
                const open = c.state === "due" || c.state === "overdue";
                return (
                  <li key={c.id}>
                    <p className="followup-item__title">
                      À {c.monthsAfter} mois — {CHECK_IN_STATE_LABELS[c.state]}
                    </p>
                    <p className="followup-item__meta">
                      Prévu le {longDate(c.dueOn)}
                      {c.endReasonLabel ? ` · ${c.endReasonLabel}` : ""}
                    </p>
                    {c.note ? <p className="followup-item__meta">Note : {c.note}</p> : null}
                    {c.employerAnswer ? (
                      <p className="followup-item__meta">
                        {employerAnswerWords(c.employerAnswer, c.status !== "pending" && c.status !== "cancelled")}
                      </p>
                    ) : null}
                    {open || c.id === firstUpcoming?.id ? (
                      <details className="followup-details">
                        <summary>{open ? `Noter le point de suivi à ${c.monthsAfter} mois` : "Signaler la fin du contrat"}</summary>
                        <RecordCheckInForm
                          checkInId={c.id}
                          monthsAfter={c.monthsAfter}
                          personName={name}
                          exitReasons={data.exitReasons}
                          endOnly={!open}
                        />
                      </details>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </article>
        );
      })}
      <details className="followup-details">
        <summary>Enregistrer un emploi à la main</summary>
        <CreatePlacementForm profileId={profileId} />
      </details>
    </Card>
  );
}
