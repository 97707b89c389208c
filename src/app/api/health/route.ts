import { sql } from "drizzle-orm";
import { getDatabase } from "@/server/db";
import { queryRows } from "@/server/db/client";

export const dynamic = "force-dynamic";

/** For load balancers and `npm run demo`: 200 when the database answers. */
export async function GET() {
  try {
    const handle = await getDatabase();
    await queryRows(handle.db, sql`select 1`);
    return Response.json({ status: "ok", engine: handle.engine });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
