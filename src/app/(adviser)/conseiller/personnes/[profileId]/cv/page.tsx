import { notFound, redirect } from "next/navigation";
import { adviserCvHref } from "@/components/adviser/cv/paths";
import { requirePageRole } from "@/server/api/session";

type Props = { params: Promise<{ profileId: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The CV wizard with the person starts at its first step. */
export default async function AdviserCvHome({ params }: Props) {
  const { profileId } = await params;
  await requirePageRole(["adviser", "admin"], `/conseiller/personnes/${profileId}/cv`);
  if (!UUID.test(profileId)) notFound();
  redirect(adviserCvHref(profileId));
}
