import { currentUser } from "@/server/auth/session";
import { databaseIfAvailable, getDb } from "@/server/db";
import { serviceUnavailable } from "@/server/lib/unavailable";
import { exportPersonalData } from "@/server/privacy/export";
import { renderExportPdf } from "@/server/privacy/export-pdf";

export const dynamic = "force-dynamic";

/** Everything kept about the signed-in person, as a printable PDF in plain French. */
export async function GET() {
  if (!(await databaseIfAvailable())) return serviceUnavailable();
  const user = await currentUser();
  if (!user) return Response.json({ error: "Connectez-vous pour télécharger vos données." }, { status: 401 });
  const data = await exportPersonalData(await getDb(), user.id);
  if (!data) return Response.json({ error: "Compte introuvable." }, { status: 404 });
  const pdf = await renderExportPdf(data);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="mes-donnees-${new Date().toISOString().slice(0, 10)}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
