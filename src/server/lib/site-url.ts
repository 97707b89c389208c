/**
 * The site's public address from the configuration (AUTH_URL), or null. Addresses written into
 * e-mails come only from here: a request's Host header is whatever the caller sent.
 */
export function configuredSiteUrl(env: Record<string, string | undefined> = process.env): string | null {
  const raw = env.AUTH_URL?.trim();
  if (!raw) return null;
  try {
    return new URL(raw).origin;
  } catch {
    return null;
  }
}
