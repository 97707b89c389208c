import { describe, expect, it } from "vitest";
import { commonSecurityHeaders, contentSecurityPolicy, newNonce, requestIsHttps, secureAuthCookies } from "./security-headers";

/** The policy as directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

const base = { nonce: "abc123", production: true, https: false, mapStyleUrl: null };

describe("contentSecurityPolicy", () => {
  it("lets only scripts carrying the request's nonce run, and what they load", () => {
    const scripts = directives(contentSecurityPolicy(base)).get("script-src");
    expect(scripts).toEqual(["'nonce-abc123'", "'strict-dynamic'"]);
  });

  it("allows eval for React's dev tooling in development only", () => {
    expect(directives(contentSecurityPolicy(base)).get("script-src")).not.toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy({ ...base, production: false })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("forbids framing, plugins, foreign base URLs and form targets", () => {
    const d = directives(contentSecurityPolicy(base));
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(d.get("worker-src")).toEqual(["'self'", "blob:"]);
    // a nonce in style-src would silently disable 'unsafe-inline' (style attributes)
    expect(d.get("style-src")?.some((s) => s.startsWith("'nonce-"))).toBe(false);
  });

  it("connects to the instance's map style host and nowhere else", () => {
    expect(directives(contentSecurityPolicy(base)).get("connect-src")).toEqual(["'self'"]);
    const withMap = contentSecurityPolicy({ ...base, mapStyleUrl: "https://tiles.example.fr/styles/plan.json?key=k" });
    expect(directives(withMap).get("connect-src")).toEqual(["'self'", "https://tiles.example.fr"]);
    // a URL that is no http(s) origin adds nothing (and cannot inject a directive)
    const odd = contentSecurityPolicy({ ...base, mapStyleUrl: "javascript:alert(1); script-src *" });
    expect(directives(odd).get("connect-src")).toEqual(["'self'"]);
    expect(directives(odd).get("script-src")).toEqual(["'nonce-abc123'", "'strict-dynamic'"]);
  });

  it("upgrades insecure requests only on a page served over HTTPS", () => {
    expect(directives(contentSecurityPolicy(base)).has("upgrade-insecure-requests")).toBe(false);
    expect(directives(contentSecurityPolicy({ ...base, https: true })).has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, new every time", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});

describe("commonSecurityHeaders", () => {
  it("sends HSTS only over HTTPS", () => {
    expect(commonSecurityHeaders({ https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(commonSecurityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d{8}/);
  });

  it("refuses framing and sniffing, and allows the position to the site itself only", () => {
    const h = commonSecurityHeaders({ https: false });
    expect(h["X-Frame-Options"]).toBe("DENY");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Cross-Origin-Opener-Policy"]).toBe("same-origin");
    expect(h["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["Permissions-Policy"]).toContain("geolocation=(self)");
    expect(h["Permissions-Policy"]).toContain("camera=()");
    expect(h["Permissions-Policy"]).toContain("microphone=()");
  });
});

describe("requestIsHttps", () => {
  const proto = (value?: string) => new Headers(value ? { "x-forwarded-proto": value } : {});

  it("ignores X-Forwarded-Proto without trusted proxies: anyone can write it", () => {
    expect(requestIsHttps(proto("https"), 0)).toBe(false);
    expect(requestIsHttps(proto(), 0)).toBe(false);
  });

  it("behind trusted proxies, reads the entry the outermost one wrote", () => {
    expect(requestIsHttps(proto("https"), 1)).toBe(true);
    expect(requestIsHttps(proto("HTTPS"), 1)).toBe(true);
    expect(requestIsHttps(proto("http"), 1)).toBe(false);
    // a client-written "https" before the proxy's "http" does not count
    expect(requestIsHttps(proto("https, http"), 1)).toBe(false);
    expect(requestIsHttps(proto("https, http"), 2)).toBe(true);
    expect(requestIsHttps(proto(), 1)).toBe(false);
  });
});

describe("secureAuthCookies", () => {
  it("follows AUTH_URL's scheme, and leaves the choice per request without it", () => {
    expect(secureAuthCookies({ AUTH_URL: "https://emploi.example.fr" })).toBe(true);
    expect(secureAuthCookies({ AUTH_URL: "http://localhost:3000" })).toBe(false);
    expect(secureAuthCookies({})).toBeUndefined();
    expect(secureAuthCookies({ AUTH_URL: "  " })).toBeUndefined();
  });
});
