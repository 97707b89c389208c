import { currentUser } from "@/server/api/session";
import { databaseIfAvailable, getDb } from "@/server/db";
import { statsCsvHttp } from "@/server/stats/http";
import { serviceUnavailable } from "@/server/lib/unavailable";

export const dynamic = "force-dynamic";

/** A table of the dashboard as CSV (?table=counts&from=AAAA-MM&to=AAAA-MM&territory=CODE), admins only. */
export async function GET(request: Request) {
  if (!(await databaseIfAvailable())) return serviceUnavailable();
  const user = await currentUser();
  if (!user) return Response.json({ error: "Connectez-vous pour télécharger les statistiques." }, { status: 401 });
  if (user.role !== "admin") return Response.json({ error: "Réservé aux administrateurs du département." }, { status: 403 });
  const r = await statsCsvHttp(await getDb(), new URL(request.url).searchParams, "admin");
  return new Response(r.body, { status: r.status, headers: r.headers });
}
