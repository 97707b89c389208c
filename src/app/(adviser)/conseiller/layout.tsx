import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ProNav } from "@/components/workspace/ProNav";
import { currentUser, HOME_BY_ROLE } from "@/server/api/session";
import "@/components/workspace/workspace.css";

const TABS = [
  { href: "/conseiller", label: "Mes personnes", exact: true },
  { href: "/conseiller/suivi", label: "Suivi des emplois" },
  { href: "/conseiller/chiffres", label: "Mes chiffres" },
  { href: "/conseiller/nouvelle-personne", label: "Nouvelle personne" },
  { href: "/conseiller/notifications", label: "Notifications" },
  { href: "/conseiller/boite-mail", label: "Boîte d'envoi" },
  { href: "/conseiller/messages", label: "Mes messages" },
] as const;

/** The adviser's space (admins use it too). Pages call `requirePageRole` themselves, see the employer layout. */
export default async function AdviserLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (user && user.role !== "adviser" && user.role !== "admin") redirect(`${HOME_BY_ROLE[user.role]}?refuse=1`);
  if (!user) return children;
  return (
    <>
      <ProNav tabs={TABS} label="Menu de l'espace conseiller" />
      {children}
    </>
  );
}
