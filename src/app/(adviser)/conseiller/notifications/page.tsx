import { formatDateTime } from "@/lib/dates";
import { instanceTimeZone } from "@/server/config/time-zone";
import type { Metadata } from "next";
import Link from "next/link";
import { MarkReadButton } from "@/components/notifications/MarkReadButton";
import "@/components/notifications/notifications.css";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";

export const metadata: Metadata = { title: "Notifications" };

/** Only links inside the platform are followed (a notification's link is written by the platform). */
const safeLink = (link: string | null) => (link && link.startsWith("/") && !link.startsWith("//") ? link : null);

/** The signed-in adviser's notifications: unread first, each with its link, and "mark all read". */
export default async function NotificationsPage() {
  await requirePageRole(["adviser", "admin"], "/conseiller/notifications");
  const { items, unread } = await (await serverCaller()).notifications.mine();
  return (
    <>
      <PageHeader
        title="Notifications"
        intro={unread === 0 ? "Vous avez tout lu." : `${unread} notification${unread > 1 ? "s" : ""} non lue${unread > 1 ? "s" : ""}.`}
      />
      {unread > 0 ? (
        <div className="notif-actions">
          <MarkReadButton label="Tout marquer comme lu" variant="primary" />
        </div>
      ) : null}
      <Card title="Les 50 dernières" level={2}>
        {items.length === 0 ? (
          <p>Aucune notification pour le moment. Vous serez prévenu ici quand un point de suivi arrive à échéance.</p>
        ) : (
          <ul className="notif-list">
            {items.map((n) => {
              const href = safeLink(n.link);
              return (
                <li key={n.id} className={n.readAt ? "notif-item notif-item--read" : "notif-item"}>
                  <p className="notif-item__title">
                    {n.readAt ? null : <span className="notif-badge">Nouveau</span>}
                    {href ? <Link href={href}>{n.title}</Link> : n.title}
                  </p>
                  {n.body ? <p className="notif-item__meta">{n.body}</p> : null}
                  <p className="notif-item__meta">
                    Le {formatDateTime(n.createdAt, instanceTimeZone())}
                    {n.readAt ? ` · lu le ${formatDateTime(n.readAt, instanceTimeZone())}` : ""}
                  </p>
                  {n.readAt ? null : <MarkReadButton id={n.id} label="Marquer comme lu" hiddenLabel={`: ${n.title}`} />}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </>
  );
}
