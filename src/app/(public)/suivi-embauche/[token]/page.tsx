import type { Metadata } from "next";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { IconCheck } from "@/components/ui/icons";
import { instanceTimeZone, instanceToday } from "@/server/config/time-zone";
import { databaseIfAvailable } from "@/server/db";
import {
  CHECK_IN_LINK_ERRORS,
  checkInLinkView,
  EMPLOYER_ANSWER_LABELS,
  type CheckInLinkError,
  type CheckInLinkView,
} from "@/server/followup/employer-check-ins";
import { SERVICE_UNAVAILABLE_MESSAGE } from "@/server/lib/unavailable";
import { formatDate } from "@/lib/dates";

export const dynamic = "force-dynamic";
// the token is the key: never sent to another site, never indexed
export const metadata: Metadata = { title: "Nouvelles d'une embauche", robots: { index: false, follow: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ enregistre?: string; erreur?: string }> };

function answerWords(v: Extract<CheckInLinkView, { state: "open" | "answered" }>): string {
  if (v.answer === "left" && v.leftOn) return `${v.personName} est parti(e) le ${formatDate(v.leftOn, instanceTimeZone())}.`;
  if (v.answer === "still_there") return `${v.personName} est toujours chez vous.`;
  return "Vous ne savez pas si la personne est toujours chez vous.";
}

/**
 * The one-click page of an employer's check-in link: works without signing in. Opening it
 * shows the three choices and records nothing (link scanners open links); the form's POST
 * (/api/suivi-embauche) records the answer once.
 */
export default async function EmployerCheckInPage({ params, searchParams }: Props) {
  const { token } = await params;
  const { enregistre, erreur } = await searchParams;
  const db = await databaseIfAvailable();
  if (!db) {
    return (
      <div className="narrow">
        <PageHeader title="Nouvelles d'une embauche" />
        <Notice tone="warning">{SERVICE_UNAVAILABLE_MESSAGE}</Notice>
      </div>
    );
  }
  const view = await checkInLinkView(db, token);
  if (view.state === "unknown" || view.state === "expired") {
    return (
      <div className="narrow">
        <PageHeader title="Nouvelles d'une embauche" />
        <Notice tone="warning" live="none" title={view.state === "expired" ? "Ce lien a expiré." : "Ce lien n'est pas valable."}>
          <p>
            {view.state === "expired"
              ? "Les liens de suivi marchent 30 jours. Si vous voulez donner des nouvelles, répondez simplement au conseiller de la personne."
              : "Vérifiez que vous avez copié le lien en entier depuis l'e-mail reçu."}
          </p>
        </Notice>
      </div>
    );
  }
  const title = `${view.personName} est-il toujours chez vous ?`;
  const job = `${view.jobTitle}${view.employerName ? ` chez ${view.employerName}` : ""}, depuis le ${formatDate(view.startsOn, instanceTimeZone())}`;
  if (view.state === "answered") {
    return (
      <div className="narrow">
        <PageHeader title={title} intro={`Point à ${view.monthsAfter} mois : ${job}.`} />
        <Notice
          tone="success"
          live={enregistre ? "status" : "none"}
          title={enregistre ? "Merci, votre réponse est enregistrée." : "Vous avez déjà répondu."}
        >
          <p>
            {answerWords(view)}
            {view.answeredAt ? ` (réponse du ${formatDate(view.answeredAt, instanceTimeZone())}, « ${EMPLOYER_ANSWER_LABELS[view.answer!]} »)` : ""}
          </p>
          <p>Son conseiller est prévenu. Vous n'avez rien d'autre à faire.</p>
        </Notice>
      </div>
    );
  }
  const error = erreur && Object.hasOwn(CHECK_IN_LINK_ERRORS, erreur) ? CHECK_IN_LINK_ERRORS[erreur as CheckInLinkError] : null;
  return (
    <div className="narrow">
      <PageHeader title={title} intro={`Point à ${view.monthsAfter} mois : ${job}. Un clic suffit, sans vous connecter.`} />
      {error ? (
        <Notice tone="error" title="Votre réponse n'est pas enregistrée.">
          <p>{error}</p>
        </Notice>
      ) : null}
      <form method="post" action="/api/suivi-embauche" className="stack">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="answer" value="still_there" />
        {/* plain buttons: this page is rendered on the server and works without JavaScript */}
        <button type="submit" className="btn btn--primary btn--block">
          <IconCheck />
          <span>Oui, toujours là</span>
        </button>
      </form>
      <form method="post" action="/api/suivi-embauche" className="stack">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="answer" value="left" />
        <fieldset>
          <legend>Non, la personne est partie</legend>
          <label htmlFor="leftOn">Date de départ</label>
          <input id="leftOn" name="leftOn" type="date" required min={view.startsOn} max={instanceToday()} />
          <button type="submit" className="btn btn--secondary btn--block">
            <span>Parti(e) à cette date</span>
          </button>
        </fieldset>
      </form>
      <form method="post" action="/api/suivi-embauche" className="stack">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="answer" value="unknown" />
        <button type="submit" className="btn btn--secondary btn--block">
          <span>Je ne sais pas</span>
        </button>
      </form>
      <p>Votre réponse aide le conseiller de la personne à l&apos;accompagner. Elle ne peut être donnée qu&apos;une fois.</p>
    </div>
  );
}
