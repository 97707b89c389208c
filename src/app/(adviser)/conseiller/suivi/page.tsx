import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { IconWarning, IconCheck, IconUserPlus } from "@/components/ui/icons";
import { employerAnswerWords, longDate } from "@/components/adviser/followup/labels";
import { RecordCheckInForm } from "@/components/adviser/followup/RecordCheckInForm";
import { TakeButton } from "@/components/adviser/caseload/TakeButton";
import "@/components/adviser/followup/followup.css";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";
import type { RouterOutputs } from "@/lib/trpc/types";
import { loadInstanceConfig } from "@/server/config/config";

type DueItem = RouterOutputs["followup"]["due"]["overdue"][number];

export const metadata: Metadata = { title: "Suivi des emplois" };

function DueList({ items, exitReasons, empty }: { items: DueItem[]; exitReasons: Array<{ code: string; label: string }>; empty: string }) {
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <ul className="followup-list">
      {items.map((i) => {
        const who = `${i.firstName} ${i.lastName}`.trim() || "(sans nom)";
        return (
          <li key={i.checkInId}>
            <p className="followup-item__title">
              <Link href={`/conseiller/personnes/${i.profileId}`}>{who}</Link> — point à {i.monthsAfter} mois
            </p>
            <p className="followup-item__meta">
              {i.jobTitle}
              {i.employerName ? ` chez ${i.employerName}` : ""} · depuis le {longDate(i.startsOn)}
            </p>
            <p className="followup-item__meta">
              Prévu le {longDate(i.dueOn)}
              {i.daysLate > 0 ? (
                <span className="followup-late">
                  {" "}
                  · {i.daysLate} jour{i.daysLate > 1 ? "s" : ""} de retard
                </span>
              ) : null}
            </p>
            {i.employerAnswer ? <p className="followup-item__meta">{employerAnswerWords(i.employerAnswer, false)}</p> : null}
            <details className="followup-details">
              <summary>
                Noter le point de suivi<span className="sr-only"> à {i.monthsAfter} mois de {who}</span>
              </summary>
              <RecordCheckInForm checkInId={i.checkInId} monthsAfter={i.monthsAfter} personName={i.firstName || who} exitReasons={exitReasons} />
            </details>
          </li>
        );
      })}
    </ul>
  );
}

/** The adviser's check-ins to make: overdue first, then those falling due this week. */
export default async function FollowUpPage() {
  const user = await requirePageRole(["adviser", "admin"], "/conseiller/suivi");
  const caller = await serverCaller();
  const due = await caller.followup.due();
  const toFollow = await caller.caseload.hiresToFollow();
  const { unread } = await caller.notifications.mine();
  const exitReasons = loadInstanceConfig().exitReasons;
  return (
    <>
      <PageHeader
        title="Suivi des emplois"
        intro={
          user.role === "admin"
            ? "Les points de suivi de toutes les personnes accompagnées, à 1, 3 et 6 mois après l'embauche."
            : "Appelez les personnes que vous suivez à 1, 3 et 6 mois après leur embauche, et notez où elles en sont."
        }
      >
        <p>
          <Link href="/conseiller/notifications">
            Notifications ({unread}
            <span className="sr-only"> non lue{unread > 1 ? "s" : ""}</span>)
          </Link>
        </p>
      </PageHeader>
      <Card title={`Embauches à prendre en suivi (${toFollow.length})`} icon={<IconUserPlus />} id="a-prendre">
        {toFollow.length === 0 ? (
          <p>Aucune embauche n&apos;attend de conseiller.</p>
        ) : (
          <>
            <p>Ces personnes ont été embauchées et personne ne les accompagne encore. Le premier conseiller qui prend le suivi les ajoute à ses personnes suivies.</p>
            <ul className="followup-list">
              {toFollow.map((h) => {
                const who = `${h.firstName} ${h.lastName}`.trim() || "(sans nom)";
                return (
                  <li key={h.placementId}>
                    <p className="followup-item__title">{who}</p>
                    <p className="followup-item__meta">
                      {h.jobTitle}
                      {h.employerName ? ` chez ${h.employerName}` : ""} · depuis le {longDate(h.startsOn)}
                    </p>
                    {user.role === "adviser" ? <TakeButton placementId={h.placementId} name={who} /> : null}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </Card>
      <Card title={`En retard (${due.overdue.length})`} icon={<IconWarning />} id="en-retard">
        <DueList items={due.overdue} exitReasons={exitReasons} empty="Rien en retard." />
      </Card>
      <Card title={`Cette semaine (${due.dueThisWeek.length})`} icon={<IconCheck />} id="cette-semaine">
        <DueList items={due.dueThisWeek} exitReasons={exitReasons} empty="Aucun point de suivi prévu cette semaine." />
      </Card>
      <p>
        <Link href="/conseiller/chiffres">Voir mes chiffres</Link>
      </p>
    </>
  );
}
