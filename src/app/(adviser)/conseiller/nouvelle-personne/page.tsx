import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageRole } from "@/server/api/session";
import { loadInstanceConfig } from "@/server/config/config";
import { CreateBeneficiaryForm } from "./CreateBeneficiaryForm";

export const metadata: Metadata = { title: "Créer le compte d'une personne" };

/** The address printed on the letter: AUTH_URL when set, else this site as the adviser reached it. */
async function siteOrigin(): Promise<string> {
  if (process.env.AUTH_URL) {
    try {
      return new URL(process.env.AUTH_URL).origin;
    } catch {
      // fall back to the request's host
    }
  }
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

export default async function NewPersonPage() {
  const user = await requirePageRole(["adviser", "admin"], "/conseiller/nouvelle-personne");
  const config = loadInstanceConfig();
  return (
    <div className="readable">
      <div className="no-print">
        <p>
          <Link href="/conseiller">Retour à mes personnes suivies</Link>
        </p>
        <PageHeader
          title="Nouvelle personne"
          intro="Créez le compte d'une personne qui ne peut pas le faire seule, puis remettez-lui son code."
        />
      </div>
      <CreateBeneficiaryForm
        activationUrl={`${await siteOrigin()}/activer`}
        displayName={config.displayName}
        organisation={config.organisation}
        adviserName={`${user.firstName} ${user.lastName}`.trim()}
        timeZone={config.timeZone}
      />
    </div>
  );
}
