import { formatWrittenDate } from "@/lib/dates";
import { instanceTimeZone } from "@/server/config/time-zone";
import type { Metadata } from "next";
import { AnswerProposal } from "@/components/beneficiary/AnswerProposal";
import { IconMail, IconPin, IconUser } from "@/components/ui/icons";
import { StatusBadge } from "@/components/beneficiary/status";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";

export const metadata: Metadata = { title: "Mes propositions" };

export default async function ProposalsPage() {
  await requirePageRole(["beneficiary"], "/beneficiaire/propositions");
  const proposals = await (await serverCaller()).proposals.mine();
  const pending = proposals.filter((p) => p.status === "pending");
  const answered = proposals.filter((p) => p.status !== "pending");

  return (
    <div className="readable">
      <PageHeader
        title="Mes propositions"
        intro="Une entreprise veut vous contacter, ou votre conseiller vous propose une offre : c'est vous qui décidez. Tant que vous n'acceptez pas, une entreprise ne voit ni votre nom ni vos coordonnées."
      />
      {proposals.length === 0 ? <p>Vous n'avez pas de proposition pour l'instant.</p> : null}
      {pending.length ? (
        <>
          <h2>À répondre ({pending.length})</h2>
          <ul className="item-list">
            {pending.map((p) => {
              const title = p.offer?.title ?? "une offre";
              const meaning = `proposal-${p.id}-meaning`;
              const company = p.offer?.employerName ? `l'entreprise ${p.offer.employerName}` : "l'entreprise";
              return (
                <li key={p.id}>
                  <article className="item" aria-labelledby={`proposal-${p.id}`}>
                    <h3 id={`proposal-${p.id}`} className="with-icon">
                      {p.fromKind === "employer" ? <IconMail /> : <IconUser />}
                      <span>{p.fromKind === "employer" ? "Une entreprise veut vous contacter" : "Votre conseiller vous propose cette offre"}</span>
                    </h3>
                    <p className="item__meta">
                      <strong>{title}</strong>
                      {p.offer ? (
                        <>
                          {" · "}
                          {p.offer.employerName}
                          {" · "}
                          <span className="with-icon">
                            <IconPin size="1.1em" />
                            {p.offer.communeName}
                          </span>
                        </>
                      ) : null}
                      <br />
                      Reçue le {formatWrittenDate(p.createdAt, instanceTimeZone())}
                    </p>
                    {p.message ? <p>Son message : « {p.message} »</p> : null}
                    <div id={meaning}>
                      {p.fromKind === "employer" ? (
                        <>
                          <p>
                            <strong>Si vous acceptez</strong>, {company} verra votre nom, votre CV complet, votre téléphone et
                            votre e-mail. Elle pourra vous appeler.
                          </p>
                          <p>
                            <strong>Si vous refusez</strong>, elle ne saura pas qui vous êtes : vous restez anonyme.
                          </p>
                        </>
                      ) : (
                        <p>
                          <strong>Si vous acceptez</strong>, votre conseiller saura que cette offre vous intéresse et pourra
                          vous aider à postuler.
                        </p>
                      )}
                    </div>
                    <AnswerProposal
                      proposalId={p.id}
                      describedBy={meaning}
                      acceptedNote={
                        p.fromKind === "employer"
                          ? `Merci, c'est noté : ${company} peut maintenant voir votre nom, votre CV et vos coordonnées.`
                          : undefined
                      }
                      declinedNote={p.fromKind === "employer" ? "C'est noté : vous restez anonyme pour cette entreprise." : undefined}
                    />
                  </article>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {answered.length ? (
        <>
          <h2>Déjà répondues</h2>
          <ul className="item-list">
            {answered.map((p) => (
              <li key={p.id}>
                <article className="item" aria-labelledby={`proposal-${p.id}`}>
                  <h3 id={`proposal-${p.id}`}>{p.offer?.title ?? "Offre retirée"}</h3>
                  <p className="item__meta">
                    {p.fromKind === "employer" ? "Demande d'une entreprise" : "Proposée par votre conseiller"}
                    {p.offer ? ` · ${p.offer.employerName}` : ""}
                  </p>
                  <StatusBadge kind="proposal" status={p.status} />
                  {p.fromKind === "employer" && p.status === "accepted" ? (
                    <p>{p.offer?.employerName ?? "Cette entreprise"} peut voir votre nom, votre CV et vos coordonnées.</p>
                  ) : null}
                  {p.fromKind === "employer" && p.status === "declined" ? (
                    <p>Vous restez anonyme pour cette entreprise.</p>
                  ) : null}
                </article>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
