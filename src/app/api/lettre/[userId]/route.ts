import { TRPCError } from "@trpc/server";
import { currentUser } from "@/server/api/session";
import { databaseIfAvailable, getDb } from "@/server/db";
import { accessLetterPdf } from "@/server/profiles/access-letter";
import { FieldErrors } from "@/server/lib/field-errors";
import { configuredSiteUrl } from "@/server/lib/site-url";
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
 * A NEW access-code letter (PDF) for a pending beneficiary account: the code is never stored
 * in clear, so each download issues a new code and the previous letter stops working.
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
        "Content-Disposition": `inline; filename="${fileName}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (err) {
    if (err instanceof TRPCError) return Response.json({ error: err.message }, { status: STATUS[err.code] ?? 400 });
    // reissueAccessCode refuses with field errors (account gone or disabled meanwhile)
    if (err instanceof FieldErrors) return Response.json({ error: "Compte introuvable." }, { status: 404 });
    throw err;
  }
}
