import { expect, test, type APIResponse, type Page, type Response } from "@playwright/test";
import { watchPolicyViolations } from "./csp";
import { DEMO, DEMO_PASSWORD, signIn } from "./helpers";

// The headers src/proxy.ts sets (src/server/lib/security-headers.ts), checked on the production
// server Playwright starts (plain HTTP: no HSTS there).

function expectCommonHeaders(headers: Record<string, string>, label: string) {
  expect(headers["x-content-type-options"], label).toBe("nosniff");
  expect(headers["x-frame-options"], label).toBe("DENY");
  expect(headers["referrer-policy"], label).toBe("strict-origin-when-cross-origin");
  expect(headers["cross-origin-opener-policy"], label).toBe("same-origin");
  expect(headers["permissions-policy"], label).toContain("geolocation=(self)");
  expect(headers["permissions-policy"], label).toContain("camera=()");
  expect(headers["strict-transport-security"], `${label}: HSTS over plain HTTP`).toBeUndefined();
  expect(headers["x-powered-by"], label).toBeUndefined();
}

/** The nonce of the page's CSP, after checking the policy's strict parts. */
function expectStrictCsp(headers: Record<string, string>, label: string): string {
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  expect(nonce, `${label}: nonce in ${csp}`).toBeTruthy();
  expect(csp, label).toContain("'strict-dynamic'");
  expect(csp, label).toContain("frame-ancestors 'none'");
  expect(csp, label).toContain("object-src 'none'");
  expect(csp, label).toContain("base-uri 'self'");
  expect(csp, label).toContain("form-action 'self'");
  expect(csp, `${label}: production build`).not.toContain("unsafe-eval");
  expect(csp, label).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  return nonce!;
}

async function open(page: Page, path: string): Promise<Response> {
  const response = await page.goto(path);
  expect(response, path).not.toBeNull();
  expect(response!.status(), path).toBe(200);
  return response!;
}

/**
 * The nonces on the scripts of the server's HTML (all must carry the header's). Scripts the
 * chunk loader adds later have none: 'strict-dynamic' trusts them because a nonced script
 * added them.
 */
async function htmlScriptNonces(response: Response): Promise<string[]> {
  const tags = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
  return tags.map((tag) => /\snonce="([^"]*)"/.exec(tag)?.[1] ?? "(none)");
}

test("public pages carry a strict CSP with a fresh nonce on every script, and run under it", async ({ page }) => {
  const violations = await watchPolicyViolations(page);
  const nonces: string[] = [];
  for (const path of ["/", "/offres", "/connexion"]) {
    const response = await open(page, path);
    const headers = response.headers();
    expectCommonHeaders(headers, path);
    const nonce = expectStrictCsp(headers, path);
    nonces.push(nonce);
    const onScripts = await htmlScriptNonces(response);
    expect(onScripts.length, `${path}: Next's scripts`).toBeGreaterThan(0);
    expect(new Set(onScripts), path).toEqual(new Set([nonce]));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  expect(new Set(nonces).size, "one nonce per response").toBe(nonces.length);

  // The scripts ran: a client-side navigation works (React hydrated under the policy).
  await page.goto("/");
  await page.getByRole("link", { name: "Se connecter" }).first().click();
  await expect(page).toHaveURL(/\/connexion/);
  await violations.expectNone("public pages");
});

test("API routes carry the same headers without a page policy, and health says only ok", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expectCommonHeaders(health.headers(), "/api/health");
  expect(health.headers()["cache-control"]).toBe("no-store");
  expect(await health.json()).toEqual({ status: "ok", database: "ok", search: expect.stringMatching(/^(ok|not configured)$/) });

  // a refusal (no session) goes through the same proxy
  const refused: APIResponse = await request.get("/api/mes-donnees", { maxRedirects: 0 });
  expect(refused.status()).toBeGreaterThanOrEqual(300);
  expectCommonHeaders(refused.headers(), "/api/mes-donnees");
});

test("the session cookie is HttpOnly and SameSite=Lax, and the admin dashboard runs under the policy", async ({ page, context }) => {
  const violations = await watchPolicyViolations(page);
  await signIn(page, DEMO.admin, DEMO_PASSWORD, /\/admin$/);
  const session = (await context.cookies()).find((c) => /authjs\.session-token$/.test(c.name));
  expect(session, "session cookie").toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  // plain HTTP here: Secure would make the browser drop it (HTTPS sets it, see secureAuthCookies)
  expect(session!.secure).toBe(false);

  const response = await open(page, "/admin/tableau-de-bord");
  expectStrictCsp(response.headers(), "tableau de bord");
  await expect(page.getByRole("heading", { level: 1, name: "Tableau de bord" })).toBeVisible();
  await violations.expectNone("admin");
});
