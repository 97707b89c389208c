import { loadInstanceConfig } from "@/server/config/config";
import { currentUser } from "@/server/api/session";
import { databaseIfAvailable, getDb } from "@/server/db";
import { loadProfile, profileIdOfUser } from "@/server/profiles/load";
import { profileView } from "@/server/profiles/router";
import { renderCvPdf } from "@/server/profiles/cv-pdf";
import { serviceUnavailable } from "@/server/lib/unavailable";
import { downloadDisposition } from "@/server/lib/content-disposition";

export const dynamic = "force-dynamic";

/** The signed-in beneficiary's CV as a PDF download. */
export async function GET() {
  if (!(await databaseIfAvailable())) return serviceUnavailable();
  const user = await currentUser();
  if (!user) return Response.json({ error: "Connectez-vous pour télécharger votre CV." }, { status: 401 });
  if (user.role !== "beneficiary") return Response.json({ error: "Réservé aux personnes qui cherchent un emploi." }, { status: 403 });
  const db = await getDb();
  const id = await profileIdOfUser(db, user.id);
  const view = await profileView(db, id ? await loadProfile(db, id) : null);
  if (!view.profile) return Response.json({ error: "Votre CV est encore vide." }, { status: 404 });
  const pdf = await renderCvPdf(view.profile, loadInstanceConfig().displayName);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": downloadDisposition("attachment", ["CV", view.profile.firstName, view.profile.lastName], "pdf", "CV"),
      "Cache-Control": "private, no-store",
    },
  });
}
