/**
 * The `?retour=` target after signing in: only a path on this site ("/admin?x=1"), never
 * another site ("//evil.example", "https://…", "/\\evil.example"), so the sign-in page cannot
 * be used to send people elsewhere.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const raw = value.trim();
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return null;
  if (/[\u0000-\u001f\u007f]/.test(raw) || raw.length > 500) return null;
  try {
    const base = "http://retour.invalid";
    const url = new URL(raw, base);
    if (url.origin !== base) return null;
    // Signing in again from the sign-in page makes no sense: go to one's own space instead.
    if (url.pathname === "/connexion") return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}
