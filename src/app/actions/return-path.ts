/**
 * The `?retour=` target after signing in: only a path on this site ("/admin?x=1"), never
 * another site ("//evil.example", "https://…", "/\\evil.example"), so the sign-in page cannot
 * be used to send people elsewhere. The check is made on the path as the URL parser normalises
 * it, since that is what is returned: "/..//evil.example" and "/%2e%2e//evil.example" both
 * normalise to "//evil.example", which a browser reads as another site.
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
    const path = `${url.pathname}${url.search}${url.hash}`;
    // The normalised path must itself be a path on this site, and stay one if parsed again.
    if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return null;
    if (new URL(path, base).origin !== base) return null;
    return path;
  } catch {
    return null;
  }
}
