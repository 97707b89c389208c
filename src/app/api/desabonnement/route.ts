import { handleUnsubscribe } from "@/server/api/unsubscribe";
import { databaseIfAvailable, getDb } from "@/server/db";
import { serviceUnavailable } from "@/server/lib/unavailable";

export const dynamic = "force-dynamic";

/** RFC 8058 one-click unsubscribe, and the form of /desabonnement (see src/server/api/unsubscribe.ts). */
export async function POST(request: Request) {
  if (!(await databaseIfAvailable())) return serviceUnavailable();
  return handleUnsubscribe(await getDb(), request);
}
