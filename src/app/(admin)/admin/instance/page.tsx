import { formatDateTime } from "@/lib/dates";
import { instanceTimeZone } from "@/server/config/time-zone";
import type { Metadata } from "next";
import { InstanceSettingsForm } from "@/components/instance/InstanceSettingsForm";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";
import { loadInstanceConfig } from "@/server/config/config";

export const metadata: Metadata = { title: "Réglages de l'instance" };

export default async function InstanceSettingsPage() {
  await requirePageRole(["admin"], "/admin/instance");
  const caller = await serverCaller();
  const settings = await caller.instance.settings();
  const by = settings.updatedBy ? `${settings.updatedBy.name || "(sans nom)"}${settings.updatedBy.email ? ` (${settings.updatedBy.email})` : ""}` : null;
  return (
    <>
      <PageHeader
        title="Réglages de l'instance"
        intro={
          settings.updatedAt
            ? `Dernier enregistrement le ${formatDateTime(settings.updatedAt, instanceTimeZone())}${by ? ` par ${by}` : ""}.`
            : "Les valeurs du fichier de l'instance, que vous pouvez modifier ici."
        }
      />
      <InstanceSettingsForm
        effective={settings.effective}
        defaults={settings.defaults}
        overridden={settings.overridden}
        unitNames={settings.unitNames}
        updatedAt={settings.updatedAt}
        logo={loadInstanceConfig().branding.logo}
      />
    </>
  );
}
