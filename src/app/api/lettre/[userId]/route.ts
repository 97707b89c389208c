import { TRPCError } from "@trpc/server";
import { currentUser } from "@/server/api/session";
import { databaseIfAvailable, getDb } from "@/server/db";
import { accessLetterPdf } from "@/server/profiles/access-letter";
import { configuredSiteUrl } from "@/server/lib/site-url";
import { downloadDisposition } from "@/server/lib/content-disposition";
import { serviceUnavailable } from "@/server/lib/unavailable";

export const dynamic = "force-dynamic";

/** The address printed on the letter: AUTH_URL when set, else this site as the adviser reached it. */
function activationUrl(request: Request): string {
  let origin = configuredSiteUrl();
  if (!origin) {
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
    const proto =
      request.headers.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
    origin = `${proto}://${host}`;
  }
  return `${origin}/activer`;
}

const STATUS: Partial<Record<TRPCError["code"], number>> = { NOT_FOUND: 404, FORBIDDEN: 403, CONFLICT: 409, BAD_REQUEST: 404 };

/**
 * The access-code letter (PDF) of a pending beneficiary account, for the code the adviser's
 * screen shows: downloading it never changes the code (409 when no code can be shown).
 */
export async function GET(request: Request, { params }: { params: Promise<{ userId: string }> }) {
  if (!(await databaseIfAvailable())) return serviceUnavailable();
  const user = await currentUser();
  if (!user) return Response.json({ error: "Connectez-vous pour imprimer ce courrier." }, { status: 401 });
  if (user.role !== "adviser" && user.role !== "admin") {
    return Response.json({ error: "Réservé aux conseillers." }, { status: 403 });
  }
  const { userId } = await params;
  try {
    const { pdf, fileName } = await accessLetterPdf(await getDb(), user, userId, activationUrl(request));
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": downloadDisposition("inline", fileName, "pdf", "courrier"),
        "Cache-Control": "private, no-store",
      },
    });
  } catch (err) {
    if (err instanceof TRPCError) return Response.json({ error: err.message }, { status: STATUS[err.code] ?? 400 });
    throw err;
  }
}
