import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";

// A wrong DATABASE_URL at start (issue 15, item 13): a second `next start` of the build the
// Playwright server already made, on its own port, pointed at a PostgreSQL that does not
// exist. Health says 503, every page says in French that the service is down, the API answers
// 503 in French: never a bare server error.

// well away from the other checkouts' E2E_PORT servers
const PORT = Number(process.env.E2E_DOWN_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 50);
const BASE = `http://localhost:${PORT}`;
let server: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const root = process.cwd();
  server = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(PORT)], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/nothing",
      PGLITE_DIR: "",
      AUTH_SECRET: "e2e-secret-not-for-production",
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      JOBS: "off",
      SEARCH_JOB_SECONDS: "0",
    },
    stdio: "ignore",
  });
  // wait until it listens (any answer will do)
  for (;;) {
    if (server.exitCode !== null) throw new Error(`next start exited (${server.exitCode})`);
    const answered = await fetch(`${BASE}/api/health`).then(
      () => true,
      () => false,
    );
    if (answered) break;
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once("exit", r));
    server.kill("SIGTERM");
    await exited;
  }
});

test("health answers 503 and names no cause", async ({ request }) => {
  const res = await request.get(`${BASE}/api/health`);
  expect(res.status()).toBe(503);
  expect(res.headers()["cache-control"]).toBe("no-store");
  expect(await res.json()).toEqual({ status: "unavailable", database: "unavailable", search: "not configured" });
});

test("pages say in French that the service is down, without the database's address", async ({ page }) => {
  for (const p of ["/", "/offres", "/connexion", "/statistiques"]) {
    const response = await page.goto(`${BASE}${p}`);
    expect(response, p).not.toBeNull();
    expect(response!.status(), p).toBeLessThan(500);
    await expect(page.getByRole("heading", { level: 1, name: "Service momentanément indisponible" }), p).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    const html = await response!.text();
    expect(html, p).not.toContain("127.0.0.1:1");
    expect(html, p).not.toContain("nobody");
  }
});

test("the API answers 503 with a French message", async ({ request }) => {
  const res = await request.get(`${BASE}/api/trpc/auth.me`);
  expect(res.status()).toBe(503);
  expect(res.headers()["cache-control"]).toBe("no-store");
  const body = await res.text();
  expect(body).toContain("Le service est momentanément indisponible");
  expect(body).not.toContain("127.0.0.1:1");
  for (const p of ["/api/mes-donnees", "/api/statistiques?table=counts"]) {
    const download = await request.get(`${BASE}${p}`);
    expect(download.status(), p).toBe(503);
    expect(await download.json(), p).toEqual({ error: "Le service est momentanément indisponible. Réessayez dans quelques minutes." });
  }
});
