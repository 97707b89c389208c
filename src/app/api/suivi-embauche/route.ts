import { databaseIfAvailable, getDb } from "@/server/db";
import { answerCheckInLink, checkInLink, isCheckInTokenShape } from "@/server/followup/employer-check-ins";
import { clientIp } from "@/server/lib/request";
import { serviceUnavailable } from "@/server/lib/unavailable";
import { consumeRateLimit, RateLimited, RATE_LIMITS } from "@/server/ratelimit/limits";

export const dynamic = "force-dynamic";

const back = (path: string) => new Response(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });

/**
 * The employer's answer from a check-in link's page (a plain form: works without JavaScript and
 * without signing in). Only this POST records; then back to the link's page, which says what happened.
 */
export async function POST(req: Request) {
  if (!(await databaseIfAvailable())) return serviceUnavailable();
  const form = await req.formData().catch(() => null);
  const token = String(form?.get("token") ?? "");
  if (!isCheckInTokenShape(token)) return back("/suivi-embauche/inconnu");
  const page = checkInLink(token);
  const db = await getDb();
  try {
    await consumeRateLimit(db, RATE_LIMITS.employerCheckIn, clientIp(req.headers));
  } catch (err) {
    if (err instanceof RateLimited) return back(`${page}?erreur=too-many`);
    throw err;
  }
  const result = await answerCheckInLink(db, token, { answer: String(form?.get("answer") ?? ""), leftOn: String(form?.get("leftOn") ?? "") || null });
  if (result.outcome === "invalid") return back(`${page}?erreur=${result.error}`);
  if (result.outcome === "recorded") return back(`${page}?enregistre=1`);
  return back(page);
}
