import { formatDateTime } from "@/lib/dates";
import { instanceTimeZone } from "@/server/config/time-zone";
import type { Metadata } from "next";
import { Card } from "@/components/ui/Card";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import "@/components/adviser/followup/followup.css";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";
import { MAX_ATTEMPTS, parseFailure, smtpConfigured } from "@/server/notifications/delivery";

export const metadata: Metadata = { title: "Boîte d'envoi des e-mails" };

/** Development outbox: the e-mails the platform queued (rappels de suivi…); an adviser sees those sent to them. */
export default async function OutboxPage() {
  const user = await requirePageRole(["adviser", "admin"], "/conseiller/boite-mail");
  const mails = await (await serverCaller()).followup.outbox();
  return (
    <>
      <PageHeader
        title="Boîte d'envoi des e-mails"
        intro={user.role === "admin" ? "Les derniers e-mails préparés par la plateforme." : "Les derniers e-mails préparés pour vous."}
      />
      <Notice tone="info" live="none">
        {smtpConfigured() ? (
          <p>Les e-mails partent par le serveur d'envoi (SMTP) quelques minutes après avoir été préparés ; un envoi en échec est réessayé jusqu'à {MAX_ATTEMPTS} fois.</p>
        ) : (
          <p>Sans serveur d'envoi (SMTP) configuré, les e-mails restent ici et ne partent pas (mode développement).</p>
        )}
      </Notice>
      {mails.length === 0 ? <p>Aucun e-mail pour le moment.</p> : null}
      {mails.map((m) => (
        <Card key={m.id} title={m.subject} level={2}>
          <p className="followup-item__meta">
            À {m.toAddress} · préparé le {formatDateTime(m.createdAt, instanceTimeZone())} · {m.sentAt ? `envoyé le ${formatDateTime(m.sentAt, instanceTimeZone())}` : "non envoyé"}
          </p>
          {!m.sentAt && m.error ? (
            <p className="followup-item__meta">
              {(parseFailure(m.error)?.attempts ?? MAX_ATTEMPTS) >= MAX_ATTEMPTS ? "Envoi abandonné" : "Envoi en échec, nouvel essai prévu"} : {m.error}
            </p>
          ) : null}
          <pre className="followup-mail">{m.body}</pre>
        </Card>
      ))}
    </>
  );
}
