import { renderExportPdf } from "@/server/privacy/export-pdf";
import { personalDataDownload } from "../download";

export const dynamic = "force-dynamic";

/** Everything kept about the signed-in person, as a printable PDF in plain French. */
export function GET() {
  return personalDataDownload("pdf", "application/pdf", async (data) =>
    data ? new Uint8Array(await renderExportPdf(data)) : Response.json({ error: "Compte introuvable." }, { status: 404 }),
  );
}
