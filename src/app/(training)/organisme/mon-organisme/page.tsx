import type { Metadata } from "next";
import { CompanyPage } from "@/components/pro/organisation/CompanyPage";
import { requirePageRole } from "@/server/api/session";

export const metadata: Metadata = { title: "Mon organisme" };

export default async function MyOrganisationPage() {
  const user = await requirePageRole(["training_org"], "/organisme/mon-organisme");
  return <CompanyPage user={user} kind="training_org" />;
}
