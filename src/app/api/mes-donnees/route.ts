import { currentUser } from "@/server/auth/session";
import { databaseIfAvailable, getDb } from "@/server/db";
import { serviceUnavailable } from "@/server/lib/unavailable";
import { exportPersonalData } from "@/server/privacy/export";

export const dynamic = "force-dynamic";

/** Everything kept about the signed-in person, as a JSON file. */
export async function GET() {
  if (!(await databaseIfAvailable())) return serviceUnavailable();
  const user = await currentUser();
  if (!user) return Response.json({ error: "Connectez-vous pour télécharger vos données." }, { status: 401 });
  const data = await exportPersonalData(await getDb(), user.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="mes-donnees-${new Date().toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
