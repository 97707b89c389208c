import { sql } from "drizzle-orm";
import { getDatabase } from "@/server/db";
import { queryRows } from "@/server/db/client";
import { checkHealth } from "@/server/lib/health";
import { meiliConfigFromEnv } from "@/server/search/engine";

export const dynamic = "force-dynamic";

/**
 * For load balancers, `npm run demo` and the e2e server: 503 when the database does not answer;
 * 200 otherwise, "degraded" when Meilisearch is down (searches then fall back to the database).
 */
export async function GET() {
  const report = await checkHealth({
    pingDatabase: async () => queryRows((await getDatabase()).db, sql`select 1`),
    meiliHost: meiliConfigFromEnv()?.host ?? null,
  });
  return Response.json(report, {
    status: report.status === "unavailable" ? 503 : 200,
    headers: { "Cache-Control": "no-store" },
  });
}
