import { currentUser } from "@/server/api/session";
import { databaseIfAvailable, getDb } from "@/server/db";
import { serviceUnavailable } from "@/server/lib/unavailable";
import { exportPersonalData } from "@/server/privacy/export";
import { instanceToday } from "@/server/config/time-zone";

type Export = Awaited<ReturnType<typeof exportPersonalData>>;

/**
 * The signed-in person's data as a file to download (`mes-donnees-<date>.<extension>`, never
 * stored by a cache): 503 without a database, 401 when signed out; `render` turns the export
 * into the file's body, or answers itself.
 */
export async function personalDataDownload(
  extension: "json" | "pdf",
  contentType: string,
  render: (data: Export) => Promise<BodyInit | Response> | BodyInit | Response,
): Promise<Response> {
  if (!(await databaseIfAvailable())) return serviceUnavailable();
  const user = await currentUser();
  if (!user) return Response.json({ error: "Connectez-vous pour télécharger vos données." }, { status: 401 });
  const body = await render(await exportPersonalData(await getDb(), user.id));
  if (body instanceof Response) return body;
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="mes-donnees-${instanceToday()}.${extension}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
