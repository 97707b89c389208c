import { formatWrittenDate } from "@/lib/dates";
import { instanceTimeZone } from "@/server/config/time-zone";
import type { Metadata } from "next";
import { IconGraduation, IconPin, IconSearch, IconBriefcase } from "@/components/ui/icons";
import { applicationDetail, StatusBadge } from "@/components/beneficiary/status";
import { WithdrawApplication } from "@/components/beneficiary/Withdraw";
import { LinkButton } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";

export const metadata: Metadata = { title: "Mes candidatures" };

const OPEN = new Set(["sent", "seen", "interview"]);

export default async function ApplicationsPage() {
  await requirePageRole(["beneficiary"], "/beneficiaire/candidatures");
  const applications = await (await serverCaller()).applications.mine();

  return (
    <div className="readable">
      <PageHeader title="Mes candidatures" intro="Les offres et les formations où vous avez postulé." />
      {applications.length === 0 ? (
        <>
          <p>Vous n'avez pas encore postulé.</p>
          <LinkButton href="/beneficiaire/offres" block icon={<IconSearch />}>
            Voir les offres près de chez moi
          </LinkButton>
        </>
      ) : (
        <ul className="item-list">
          {applications.map((a) => {
            const title = a.offer?.title ?? a.formation?.title ?? "Offre retirée";
            const where = a.offer ? a.offer.employerName : a.formation?.providerName;
            const commune = a.offer?.communeName ?? a.formation?.communeName;
            return (
              <li key={a.id}>
                <article className="item" aria-labelledby={`application-${a.id}`}>
                  <h2 id={`application-${a.id}`} className="with-icon">
                    {a.formation ? <IconGraduation /> : <IconBriefcase />}
                    <span>{title}</span>
                  </h2>
                  <p className="item__meta">
                    {where}
                    {commune ? (
                      <>
                        {" · "}
                        <span className="with-icon">
                          <IconPin size="1.1em" />
                          {commune}
                        </span>
                      </>
                    ) : null}
                    <br />
                    {a.formation ? "Inscription" : "Candidature"} envoyée le {formatWrittenDate(a.createdAt, instanceTimeZone())}
                  </p>
                  <StatusBadge kind={a.formation ? "formation" : "application"} status={a.status} />
                  <p>{applicationDetail(a.formation ? "formation" : "offer", a.status, a.statusReason)}</p>
                  {a.message ? (
                    <p className="muted">
                      Votre message : « {a.message} »
                    </p>
                  ) : null}
                  {OPEN.has(a.status) ? <WithdrawApplication applicationId={a.id} title={title} /> : null}
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
