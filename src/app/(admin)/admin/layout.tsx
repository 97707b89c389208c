import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ProNav } from "@/components/workspace/ProNav";
import { currentUser, HOME_BY_ROLE } from "@/server/api/session";
import "@/components/workspace/workspace.css";

const TABS = [
  { href: "/admin/tableau-de-bord", label: "Tableau de bord" },
  { href: "/admin", label: "Comptes", exact: true },
  { href: "/admin/affectations", label: "Affectations" },
  { href: "/admin/imports", label: "Imports" },
  { href: "/admin/instance", label: "Instance" },
  { href: "/admin/journal", label: "Journal" },
] as const;

/** The département's administration space. Pages call `requirePageRole` themselves, see the employer layout. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (user && user.role !== "admin") redirect(`${HOME_BY_ROLE[user.role]}?refuse=1`);
  if (!user) return children;
  return (
    <>
      <ProNav tabs={TABS} label="Menu de l'administration" />
      {children}
    </>
  );
}
