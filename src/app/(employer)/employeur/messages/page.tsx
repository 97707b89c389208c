import type { Metadata } from "next";
import { MessagesPage } from "@/components/notifications/MessagesPage";
import { requirePageRole } from "@/server/api/session";

export const metadata: Metadata = { title: "Mes messages" };

/** What the person is told about, how and when. */
export default async function EmployerMessagesPage() {
  await requirePageRole(["employer"], "/employeur/messages");
  return <MessagesPage />;
}
