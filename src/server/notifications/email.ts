// The e-mails people receive: the instance's name and colour, plain French, a plain-text twin,
// and for every category a one-click unsubscribe link (RFC 8058) signed for that person and
// category only: a forged or altered token changes nothing.

import { createHmac, timingSafeEqual } from "node:crypto";
import { loadInstanceConfig } from "../config/config";
import { derivedKey } from "../lib/keys";
import { configuredSiteUrl } from "../lib/site-url";
import { CATEGORIES, isCategory, type Category } from "./categories";

export type EmailItem = { title: string; body?: string | null; link?: string | null };

export type RenderedEmail = { subject: string; body: string; html: string };

const b64 = (s: string | Buffer) => Buffer.from(s).toString("base64url");

function signature(payload: string): Buffer {
  return createHmac("sha256", derivedKey("unsubscribe")).update(payload).digest();
}

/** The token of a person's unsubscribe link for one category. */
export function unsubscribeToken(userId: string, category: Category): string {
  const payload = `${userId}.${category}`;
  return `${b64(payload)}.${b64(signature(payload))}`;
}

/** The person and category a token was made for, or null when it was not made here. */
export function readUnsubscribeToken(token: string): { userId: string; category: Category } | null {
  const [payloadPart, sigPart, extra] = token.split(".");
  if (!payloadPart || !sigPart || extra !== undefined) return null;
  const payload = Buffer.from(payloadPart, "base64url").toString("utf8");
  const given = Buffer.from(sigPart, "base64url");
  const expected = signature(payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const m = /^([0-9a-f-]{36})\.([a-z_]+)$/.exec(payload);
  if (!m || !isCategory(m[2]!)) return null;
  return { userId: m[1]!, category: m[2] };
}

/** The page and the RFC 8058 one-click address of an unsubscribe token (absolute when AUTH_URL is set). */
export function unsubscribeUrls(token: string): { page: string; oneClick: string } {
  const site = configuredSiteUrl() ?? "";
  return { page: `${site}/desabonnement?jeton=${encodeURIComponent(token)}`, oneClick: `${site}/api/desabonnement?jeton=${encodeURIComponent(token)}` };
}

/** The List-Unsubscribe headers of an e-mail in a category (none for account codes: they are not a subscription). */
export function unsubscribeHeaders(userId: string | null, category: string | null): Record<string, string> {
  if (!userId || !category || !isCategory(category)) return {};
  const { oneClick } = unsubscribeUrls(unsubscribeToken(userId, category));
  return { "List-Unsubscribe": `<${oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

export function platformName(): string {
  try {
    return loadInstanceConfig().displayName;
  } catch {
    return "la plateforme";
  }
}

function brand(): { name: string; color: string; textColor: string } {
  try {
    const c = loadInstanceConfig();
    return { name: c.displayName, color: c.branding.primaryColor, textColor: c.branding.primaryTextColor };
  } catch {
    return { name: "la plateforme", color: "#1d4ed8", textColor: "#ffffff" };
  }
}

/** An address in the app (or the web) as people can follow it from an e-mail; null for anything else. */
export function absoluteLink(link: string): string | null {
  if (/^https?:\/\//.test(link)) return link;
  if (link.startsWith("/") && !link.startsWith("//")) return `${configuredSiteUrl() ?? ""}${link}`;
  return null;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * One e-mail: a greeting, a sentence saying why, one or several items (each with its link), and
 * the footer naming the category with its unsubscribe link when it has one.
 */
export function renderEmail(input: {
  firstName: string | null;
  subject: string;
  intro: string;
  items: EmailItem[];
  userId: string | null;
  category: Category | null;
}): RenderedEmail {
  const b = brand();
  const hello = input.firstName ? `Bonjour ${input.firstName},` : "Bonjour,";
  const unsubscribe =
    input.userId && input.category && !("required" in CATEGORIES[input.category]) ? unsubscribeUrls(unsubscribeToken(input.userId, input.category)).page : null;
  const why = input.category ? `Vous recevez ce message car vous avez choisi d'être prévenu : « ${CATEGORIES[input.category].label} ».` : "";

  const items = input.items.map((i) => ({ ...i, href: i.link ? absoluteLink(i.link) : null }));
  const textItems = items.map((i) => [`• ${i.title}`, i.body ? `  ${i.body}` : null, i.href ? `  ${i.href}` : null].filter(Boolean).join("\n"));
  const text = [
    hello,
    "",
    input.intro,
    "",
    ...textItems,
    "",
    `— ${b.name}`,
    why,
    unsubscribe ? `Ne plus recevoir ces e-mails : ${unsubscribe}` : "",
  ]
    .filter((l, i, all) => !(l === "" && all[i - 1] === ""))
    .join("\n")
    .trim();

  const htmlItems = items
    .map(
      (i) => `<tr><td style="padding:12px 0;border-top:1px solid #e5e7eb">
<p style="margin:0;font-size:17px;font-weight:bold">${escapeHtml(i.title)}</p>
${i.body ? `<p style="margin:4px 0 0">${escapeHtml(i.body)}</p>` : ""}
${i.href ? `<p style="margin:10px 0 0"><a href="${escapeHtml(i.href)}" style="display:inline-block;padding:10px 16px;border-radius:6px;background:${b.color};color:${b.textColor};text-decoration:none;font-weight:bold">Voir</a></p>` : ""}
</td></tr>`,
    )
    .join("\n");
  const html = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(input.subject)}</title></head>
<body style="margin:0;background:#f3f4f6;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#111827">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:16px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px">
<tr><td style="background:${b.color};color:${b.textColor};padding:14px 20px;font-size:18px;font-weight:bold;border-radius:8px 8px 0 0">${escapeHtml(b.name)}</td></tr>
<tr><td style="padding:20px">
<p style="margin:0 0 12px">${escapeHtml(hello)}</p>
<p style="margin:0 0 12px">${escapeHtml(input.intro)}</p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0">${htmlItems}</table>
</td></tr>
<tr><td style="padding:14px 20px;font-size:13px;color:#4b5563;border-top:1px solid #e5e7eb">
${why ? `<p style="margin:0 0 6px">${escapeHtml(why)}</p>` : ""}
${unsubscribe ? `<p style="margin:0"><a href="${escapeHtml(unsubscribe)}" style="color:#4b5563">Ne plus recevoir ces e-mails</a></p>` : ""}
</td></tr></table></td></tr></table></body></html>`;
  return { subject: `[${b.name}] ${input.subject}`, body: text, html };
}
