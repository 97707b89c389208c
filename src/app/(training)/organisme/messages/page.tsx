import type { Metadata } from "next";
import { MessagesPage } from "@/components/notifications/MessagesPage";
import { requirePageRole } from "@/server/api/session";

export const metadata: Metadata = { title: "Mes messages" };

/** What the person is told about, how and when. */
export default async function TrainingMessagesPage() {
  await requirePageRole(["training_org"], "/organisme/messages");
  return <MessagesPage />;
}
