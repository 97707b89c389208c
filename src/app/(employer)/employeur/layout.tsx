import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ProNav } from "@/components/workspace/ProNav";
import { currentUser, HOME_BY_ROLE } from "@/server/api/session";
import "@/components/workspace/workspace.css";

const TABS = [
  { href: "/employeur", label: "Mes offres", exact: true },
  { href: "/employeur/offres/nouvelle", label: "Publier une offre" },
  { href: "/employeur/formations", label: "Formations" },
  { href: "/employeur/entreprise", label: "Mon entreprise" },
  { href: "/employeur/messages", label: "Mes messages" },
] as const;

/**
 * The employer's space. As for the beneficiary's, each page calls `requirePageRole` itself
 * (so that signing in comes back to it); the layout only sends other roles home.
 */
export default async function EmployerLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (user && user.role !== "employer") redirect(`${HOME_BY_ROLE[user.role]}?refuse=1`);
  if (!user) return children;
  return (
    <>
      <ProNav tabs={TABS} label="Menu de l'espace employeur" />
      {children}
    </>
  );
}
