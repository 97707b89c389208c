// Unsubscribing from one category of e-mails with the signed token of an e-mail's link, without
// signing in: the page /desabonnement?jeton=… (GET shows what stops, its form POSTs here) and the
// RFC 8058 one-click address POST /api/desabonnement?jeton=… that mail programs call with the
// body "List-Unsubscribe=One-Click". A token not made here, altered or for another category
// changes nothing.
import type { Database } from "../db/client";
import { CATEGORIES, type Category } from "../notifications/categories";
import { readUnsubscribeToken } from "../notifications/email";
import { stopEmails } from "../notifications/preferences";

export const INVALID_TOKEN_MESSAGE =
  "Ce lien de désabonnement n'est pas valable : il a peut-être été coupé ou modifié. Rien n'a été changé. Ouvrez le lien complet de l'e-mail, ou choisissez vos messages dans votre espace, rubrique « Mes messages ».";

export type UnsubscribeTarget = { userId: string; category: Category; label: string; required: boolean };

/** What a token would stop, or null when it was not made here. */
export function unsubscribeTarget(token: string | null | undefined): UnsubscribeTarget | null {
  const read = token ? readUnsubscribeToken(token) : null;
  if (!read) return null;
  const rule = CATEGORIES[read.category];
  return { ...read, label: rule.label, required: "required" in rule && rule.required === true };
}

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/**
 * POST /api/desabonnement?jeton=…: the one-click unsubscribe (body List-Unsubscribe=One-Click,
 * answered 200 in plain text), or the page's form (which adds depuis=page and is sent back to the
 * page, 303). Anything else is refused and changes nothing.
 */
export async function handleUnsubscribe(db: Database, request: Request): Promise<Response> {
  if (request.method !== "POST") return text("Utilisez le bouton de la page de désabonnement.", 405);
  const url = new URL(request.url);
  const token = url.searchParams.get("jeton");
  let form: URLSearchParams;
  try {
    const type = request.headers.get("content-type") ?? "";
    if (type.includes("multipart/form-data")) {
      const data = await request.formData();
      form = new URLSearchParams([...data.entries()].flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
    } else {
      form = new URLSearchParams(await request.text());
    }
  } catch {
    return text("Demande illisible : rien n'a été changé.", 400);
  }
  if (form.get("List-Unsubscribe") !== "One-Click") return text("Demande incomplète : rien n'a été changé.", 400);
  const target = unsubscribeTarget(token);
  const fromPage = form.get("depuis") === "page";
  if (!target) {
    if (fromPage) return seeOther(url, token, "invalide");
    return text(INVALID_TOKEN_MESSAGE, 400);
  }
  // the account's own messages (it will be hidden or erased) cannot be stopped
  if (!target.required) await stopEmails(db, target.userId, target.category);
  if (fromPage) return seeOther(url, token, target.required ? "obligatoire" : "fait");
  return text(target.required ? "Ces messages protègent votre compte : ils ne peuvent pas être arrêtés." : `C'est fait : vous ne recevrez plus d'e-mails pour « ${target.label} ».`, 200);
}

function seeOther(url: URL, token: string | null, state: string): Response {
  const to = new URL("/desabonnement", url);
  if (token) to.searchParams.set("jeton", token);
  to.searchParams.set("etat", state);
  return new Response(null, { status: 303, headers: { location: `${to.pathname}${to.search}`, "cache-control": "no-store" } });
}
