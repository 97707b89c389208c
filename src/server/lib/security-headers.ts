/**
 * The security headers every response carries (set by src/proxy.ts). Pure functions of the
 * request's facts so that they can be tested without a server.
 */

export type CspOptions = {
  /** fresh for every request (newNonce) */
  nonce: string;
  /** NODE_ENV === "production": no 'unsafe-eval' */
  production: boolean;
  /** the page was reached over HTTPS (requestIsHttps) */
  https: boolean;
  /** the instance's MapLibre style (loadInstanceConfig().map.styleUrl), fetched by the browser */
  mapStyleUrl: string | null;
};

/** 128 random bits, base64: what a CSP nonce needs to be unguessable. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** The origin of a URL that may be a CSP source (http or https only), or null. */
function httpOrigin(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.origin : null;
  } catch {
    return null;
  }
}

export function contentSecurityPolicy({ nonce, production, https, mapStyleUrl }: CspOptions): string {
  const mapOrigin = httpOrigin(mapStyleUrl);
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // Next.js puts the nonce on its own inline and chunk scripts when it finds this policy on the
    // request; 'strict-dynamic' lets those scripts load the rest of the chunks. React's dev
    // tooling rebuilds server error stacks with eval: allowed in development only.
    ["script-src", `'nonce-${nonce}'`, "'strict-dynamic'", ...(production ? [] : ["'unsafe-eval'"])],
    // Server-rendered style attributes (the instance's colours on <html>, React `style={…}` props)
    // cannot carry a nonce, and a nonce in style-src would switch 'unsafe-inline' off. Styles
    // cannot run code; scripts stay nonce-only.
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    // MapLibre's style, tiles, glyphs and sprites come from the style's host, and nothing else.
    ["connect-src", "'self'", ...(mapOrigin ? [mapOrigin] : [])],
    // MapLibre starts its workers from blob: URLs; the service worker is /sw.js.
    ["worker-src", "'self'", "blob:"],
    ["manifest-src", "'self'"],
    ["object-src", "'none'"],
    ["frame-src", "'none'"],
    ["frame-ancestors", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
  ];
  // Over plain HTTP (local demo, tests) upgrading would break every subresource.
  if (https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

/** Headers for every response, pages and API routes (JSON, CSV, PDF) alike. */
export function commonSecurityHeaders({ https }: { https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // The CV wizard asks for the position ("utiliser ma position"); nothing asks for the rest.
    "Permissions-Policy": "geolocation=(self), camera=(), microphone=(), payment=(), usb=(), accelerometer=(), gyroscope=(), magnetometer=()",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Only a response received over HTTPS may promise HTTPS for the next two years. Not
    // includeSubDomains: the département's other hosts are not ours to decide for.
    ...(https ? { "Strict-Transport-Security": "max-age=63072000" } : {}),
  };
}

/**
 * Whether the browser reached us over HTTPS. `next start` itself speaks plain HTTP, so HTTPS
 * means a proxy in front: with TRUSTED_PROXY_HOPS=n (as in src/server/lib/request.ts), the
 * X-Forwarded-Proto entry written by the outermost of them. Without trusted proxies the header
 * is anyone's, and so is the request URL's scheme, which Next.js derives from that header.
 */
export function requestIsHttps(headers: Headers, hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0)): boolean {
  if (!(hops > 0)) return false;
  const entries = (headers.get("x-forwarded-proto") ?? "")
    .split(",")
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  return entries[Math.max(0, entries.length - hops)] === "https";
}

/**
 * Whether Auth.js marks its cookies Secure (and names them __Secure-…). With AUTH_URL the
 * public address is known: its scheme decides. Without it (AUTH_TRUST_HOST), undefined leaves
 * the choice to Auth.js per request, from the request's protocol or X-Forwarded-Proto. The
 * session cookie is HttpOnly and SameSite=Lax either way (Auth.js defaults, checked by
 * e2e/security-headers.spec.ts).
 */
export function secureAuthCookies(env: Record<string, string | undefined> = process.env): boolean | undefined {
  const authUrl = env.AUTH_URL?.trim();
  if (!authUrl) return undefined;
  try {
    return new URL(authUrl).protocol === "https:";
  } catch {
    return undefined;
  }
}
