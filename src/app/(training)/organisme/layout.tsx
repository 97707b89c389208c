import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ProNav } from "@/components/workspace/ProNav";
import { currentUser, HOME_BY_ROLE } from "@/server/api/session";
import "@/components/workspace/workspace.css";

const TABS = [
  { href: "/organisme", label: "Mes formations", exact: true },
  { href: "/organisme/formations/nouvelle", label: "Publier une formation" },
  { href: "/organisme/mon-organisme", label: "Mon organisme" },
  { href: "/organisme/messages", label: "Mes messages" },
] as const;

/** The training organisation's space (pages call `requirePageRole` themselves, see the employer layout). */
export default async function TrainingLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (user && user.role !== "training_org") redirect(`${HOME_BY_ROLE[user.role]}?refuse=1`);
  if (!user) return children;
  return (
    <>
      <ProNav tabs={TABS} label="Menu de l'espace organisme de formation" />
      {children}
    </>
  );
}
