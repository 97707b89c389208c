import Link from "next/link";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { IconMail, IconMoon } from "@/components/ui/icons";
import { serverCaller } from "@/lib/trpc/server";
import { QUIET_FROM_HOUR, QUIET_UNTIL_HOUR } from "@/server/notifications/tell";
import { CategoryForm } from "./MessageSettings";
import { PushToggle } from "./PushToggle";
import "./notifications.css";

/**
 * "Mes messages" for every persona: what they are told about, how (e-mail, SMS, notification
 * on the phone) and how often. `cvLink`: where a beneficiary adds a phone number.
 */
export async function MessagesPage({ cvLink }: { cvLink?: string }) {
  const settings = await (await serverCaller()).notifications.preferences();
  const smsAnywhere = settings.categories.some((c) => c.offered.includes("sms"));
  return (
    <div className="readable message-settings">
      <PageHeader title="Mes messages" intro="Choisissez ce qui vous est envoyé, comment et quand. Tout reste aussi dans l'application." />

      <Card title="Comment on vous joint" icon={<IconMail />} id="moyens">
        <ul className="message-settings__reach">
          <li>{settings.hasEmail ? (settings.emailFailing ? "Vos e-mails n'arrivent plus : vérifiez votre adresse." : "E-mail : oui.") : "Pas d'adresse e-mail."}</li>
          {cvLink ? (
            <li>
              {settings.hasPhone ? "SMS : oui, au numéro de votre CV." : <>SMS : pas de numéro de téléphone. <Link href={cvLink}>Ajoutez-le à votre CV</Link> pour recevoir des SMS.</>}
            </li>
          ) : null}
          <li>
            {settings.pushDevices > 0
              ? `Notifications : ${settings.pushDevices} appareil${settings.pushDevices > 1 ? "s" : ""}.`
              : "Notifications sur le téléphone : pas encore activées."}
          </li>
        </ul>
        <div className="message-settings__push">
          <PushToggle />
        </div>
        <p className="message-settings__quiet">
          <IconMoon size="1.25em" />
          <span>
            Pas de SMS ni de notification entre {QUIET_FROM_HOUR} h et {QUIET_UNTIL_HOUR} h : ils attendent le matin.
            {smsAnywhere ? " Un SMS par jour au plus." : ""}
          </span>
        </p>
      </Card>

      {settings.categories.map((s) => (
        <Card key={s.category} title={s.label} id={`cat-${s.category}`}>
          <p className="message-settings__hint">{s.hint}</p>
          <CategoryForm setting={s} />
        </Card>
      ))}
    </div>
  );
}
