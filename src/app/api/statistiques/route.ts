import { databaseIfAvailable, getDb } from "@/server/db";
import { statsCsvHttp } from "@/server/stats/http";
import { serviceUnavailable } from "@/server/lib/unavailable";

export const dynamic = "force-dynamic";

/** A table of the public statistics as CSV (?table=counts&from=AAAA-MM&to=AAAA-MM): whole instance, counts below 5 hidden. */
export async function GET(request: Request) {
  if (!(await databaseIfAvailable())) return serviceUnavailable();
  const r = await statsCsvHttp(await getDb(), new URL(request.url).searchParams, "public");
  return new Response(r.body, { status: r.status, headers: r.headers });
}
