import type { Metadata } from "next";
import { CompanyPage } from "@/components/pro/organisation/CompanyPage";
import { requirePageRole } from "@/server/api/session";

export const metadata: Metadata = { title: "Mon entreprise" };

export default async function MyCompanyPage() {
  const user = await requirePageRole(["employer"], "/employeur/entreprise");
  return <CompanyPage user={user} kind="company" />;
}
