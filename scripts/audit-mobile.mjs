#!/usr/bin/env node
// `npm run audit:mobile`: how light and accessible the pages a beneficiary opens first are.
//
// 1. First-load JavaScript of each beneficiary page, from the last `next build` (.next/):
//    the framework's shared chunks plus every chunk the page's layouts and page load at once,
//    gzip-compressed (Turbopack's build no longer prints this table). Lazy chunks (the map)
//    are not counted; they are listed apart.
// 2. Lighthouse (mobile emulation: Moto G Power screen, slow 4G, 4× CPU slowdown) with Debian's
//    Chromium on the home page, the offers page and the CV page, signed in as the demo
//    beneficiary: performance, accessibility and best-practices scores.
//
// Needs a running server with the demo data: start `npm run demo` in another terminal first
// (or set AUDIT_URL to another one). Options (environment):
//   AUDIT_URL=http://localhost:3000   the server
//   AUDIT_EMAIL / AUDIT_PASSWORD       the account (default: the demo beneficiary)
//   AUDIT_PAGES=/,/beneficiaire/offres  the pages to audit (comma-separated)
//   AUDIT_JSON=out.json                also write every figure as JSON
//   AUDIT_REPORT_DIR=dir               also write Lighthouse's full HTML report of each page
// Prints the figures and exits 0 whatever the scores (it measures, it does not judge); exits
// 1 only when it cannot measure (no server, no build, sign-in refused).
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import zlib from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BASE = (process.env.AUDIT_URL ?? "http://localhost:3000").replace(/\/$/, "");
const EMAIL = process.env.AUDIT_EMAIL ?? "beneficiaire1@demo.emploi41.fr";
const PASSWORD = process.env.AUDIT_PASSWORD ?? "Demo2026!emploi";
const PAGES = (process.env.AUDIT_PAGES ?? "/,/beneficiaire/offres,/beneficiaire/cv").split(",").map((p) => p.trim());
const CHROME_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const BUDGET_KB = 150;
const TARGET_SCORE = 90;

const kb = (bytes) => (bytes / 1024).toFixed(1).replace(".", ",");
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

function fail(message) {
  console.error(`\n✗ ${message}`);
  process.exit(1);
}

// ------------------------------------------------------------------ first-load JS from .next

/** Every page_client-reference-manifest.js under .next/server/app, by route ("/beneficiaire/offres"). */
function clientManifests(appDir) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "page_client-reference-manifest.js") found.push(full);
    }
  };
  walk(appDir);
  return found.map((file) => {
    const segments = path.relative(appDir, path.dirname(file)).split(path.sep);
    const route = `/${segments.filter((s) => s && !/^\(.*\)$/.test(s)).join("/")}`;
    const sandbox = { globalThis: {} };
    vm.runInNewContext(readFileSync(file, "utf8"), sandbox);
    const manifest = Object.values(sandbox.globalThis.__RSC_MANIFEST ?? {})[0] ?? {};
    return { route, group: segments[0] ?? "", manifest };
  });
}

function firstLoadJs() {
  const nextDir = path.join(root, ".next");
  const buildManifestFile = path.join(nextDir, "build-manifest.json");
  if (!existsSync(buildManifestFile)) return null;
  const buildManifest = JSON.parse(readFileSync(buildManifestFile, "utf8"));
  const sizes = new Map();
  const sizeOf = (file) => {
    if (!sizes.has(file)) {
      const bytes = readFileSync(path.join(nextDir, file));
      sizes.set(file, { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length });
    }
    return sizes.get(file);
  };
  const shared = buildManifest.rootMainFiles ?? [];
  const sum = (files) => files.reduce((acc, f) => ({ raw: acc.raw + sizeOf(f).raw, gzip: acc.gzip + sizeOf(f).gzip }), { raw: 0, gzip: 0 });
  const rows = clientManifests(path.join(nextDir, "server", "app"))
    .filter(({ route, group }) => group === "(beneficiary)" || route === "/" || route === "/offline")
    .map(({ route, manifest }) => {
      const files = new Set(shared);
      for (const chunks of Object.values(manifest.entryJSFiles ?? {})) for (const f of chunks) if (f.endsWith(".js")) files.add(f);
      return { route, files: files.size, ...sum([...files]) };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
  return {
    builtAt: statSync(path.join(nextDir, "BUILD_ID")).mtime.toISOString(),
    shared: { files: shared.length, ...sum(shared) },
    rows,
  };
}

// ------------------------------------------------------------------ sign-in (Auth.js credentials)

function cookiePairs(response) {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]);
}

async function signInCookie() {
  const csrfResponse = await fetch(`${BASE}/api/auth/csrf`);
  if (!csrfResponse.ok) throw new Error(`/api/auth/csrf a répondu ${csrfResponse.status}`);
  const { csrfToken } = await csrfResponse.json();
  const jar = cookiePairs(csrfResponse);
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email: EMAIL, password: PASSWORD, callbackUrl: `${BASE}/espace` }),
  });
  const all = [...jar, ...cookiePairs(response)];
  const session = all.find((c) => /^(__Secure-)?authjs\.session-token=/.test(c));
  if (!session) throw new Error(`connexion refusée pour ${EMAIL} (statut ${response.status}, ${response.headers.get("location") ?? "sans redirection"})`);
  // the last value of each cookie wins
  return [...new Map(all.map((c) => [c.split("=")[0], c])).values()].join("; ");
}

// ------------------------------------------------------------------ Lighthouse

async function audit(pages, cookie) {
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: "error" });
  const results = [];
  try {
    for (const page of pages) {
      const url = `${BASE}${page}`;
      process.stdout.write(`  ${page} … `);
      const started = Date.now();
      // The default configuration is Lighthouse's mobile one (emulated phone, throttled).
      const runner = await lighthouse(url, {
        port: chrome.port,
        output: process.env.AUDIT_REPORT_DIR ? "html" : "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices"],
        extraHeaders: { Cookie: cookie },
      });
      const lhr = runner?.lhr;
      if (!lhr) throw new Error(`Lighthouse n'a rien rendu pour ${url}`);
      if (process.env.AUDIT_REPORT_DIR) {
        mkdirSync(process.env.AUDIT_REPORT_DIR, { recursive: true });
        const name = page.replace(/^\/|\/$/g, "").replace(/\//g, "_") || "accueil";
        writeFileSync(path.join(process.env.AUDIT_REPORT_DIR, `${name}.html`), runner.report);
        writeFileSync(path.join(process.env.AUDIT_REPORT_DIR, `${name}.json`), JSON.stringify(lhr));
      }
      const finalUrl = lhr.finalDisplayedUrl ?? lhr.finalUrl ?? url;
      const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
      const numeric = (id) => lhr.audits[id]?.numericValue ?? null;
      const scripts = lhr.audits["resource-summary"]?.details?.items?.find((i) => i.resourceType === "script");
      const failedA11y = Object.values(lhr.audits)
        .filter((a) => a.score === 0 && lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id && r.weight > 0))
        .map((a) => a.id);
      results.push({
        page,
        finalUrl,
        redirected: new URL(finalUrl).pathname !== new URL(url).pathname,
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        fcpMs: numeric("first-contentful-paint"),
        lcpMs: numeric("largest-contentful-paint"),
        tbtMs: numeric("total-blocking-time"),
        cls: numeric("cumulative-layout-shift"),
        scriptTransferBytes: scripts?.transferSize ?? null,
        failedAccessibilityAudits: failedA11y,
        runtimeError: lhr.runtimeError?.message ?? null,
      });
      console.log(`${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  } finally {
    await chrome.kill();
  }
  return results;
}

// ------------------------------------------------------------------ main

console.log(`Audit mobile d'Emploi sur ${BASE}`);

const build = firstLoadJs();
if (build) {
  console.log(`\nJavaScript au premier chargement (build du ${build.builtAt}, gzip) — objectif ≤ ${BUDGET_KB} ko`);
  console.log(`  commun à toutes les pages (Next.js, React) : ${kb(build.shared.gzip)} ko (${kb(build.shared.raw)} ko non compressé)`);
  console.log(`  ${pad("page", 42)}${lpad("gzip", 10)}${lpad("brut", 10)}`);
  for (const r of build.rows) {
    const flag = r.gzip / 1024 <= BUDGET_KB ? "" : "  > objectif";
    console.log(`  ${pad(r.route, 42)}${lpad(`${kb(r.gzip)} ko`, 10)}${lpad(`${kb(r.raw)} ko`, 10)}${flag}`);
  }
} else {
  console.log("\n(pas de build dans .next : lancez `npx next build` pour les tailles de JavaScript)");
}

// A server that has just started opens its database on the first request: wait a little.
for (let attempt = 1; ; attempt++) {
  try {
    const health = await fetch(`${BASE}/api/health`, { signal: AbortSignal.timeout(15_000) });
    if (!health.ok) throw new Error(`statut ${health.status}`);
    break;
  } catch (err) {
    if (attempt >= 4) {
      fail(`Aucun serveur prêt sur ${BASE} (${err.message}). Lancez d'abord \`npm run demo\` dans un autre terminal, ou indiquez AUDIT_URL.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
}

let cookie;
try {
  cookie = await signInCookie();
} catch (err) {
  fail(`Connexion de ${EMAIL} impossible : ${err.message}. Les données de démonstration sont-elles chargées (\`npm run cli -- seed demo\`) ?`);
}

console.log(`\nLighthouse (mobile, connecté en tant que ${EMAIL}) — objectif ≥ ${TARGET_SCORE}`);
const results = await audit(PAGES, cookie);
console.log(`\n  ${pad("page", 24)}${lpad("perf.", 7)}${lpad("access.", 9)}${lpad("bonnes pr.", 12)}${lpad("FCP", 8)}${lpad("LCP", 8)}${lpad("TBT", 8)}${lpad("CLS", 7)}${lpad("JS transféré", 14)}`);
for (const r of results) {
  const ms = (v) => (v == null ? "–" : `${(v / 1000).toFixed(1).replace(".", ",")} s`);
  console.log(
    `  ${pad(r.page, 24)}${lpad(r.performance ?? "–", 7)}${lpad(r.accessibility ?? "–", 9)}${lpad(r.bestPractices ?? "–", 12)}` +
      `${lpad(ms(r.fcpMs), 8)}${lpad(ms(r.lcpMs), 8)}${lpad(r.tbtMs == null ? "–" : `${Math.round(r.tbtMs)} ms`, 8)}` +
      `${lpad(r.cls == null ? "–" : r.cls.toFixed(2).replace(".", ","), 7)}` +
      `${lpad(r.scriptTransferBytes == null ? "–" : `${kb(r.scriptTransferBytes)} ko`, 14)}`,
  );
  if (r.redirected) console.log(`    ⚠ redirigé vers ${r.finalUrl} (connexion perdue ?)`);
  if (r.runtimeError) console.log(`    ⚠ ${r.runtimeError}`);
  if (r.failedAccessibilityAudits.length) console.log(`    accessibilité à revoir : ${r.failedAccessibilityAudits.join(", ")}`);
}

if (process.env.AUDIT_JSON) {
  writeFileSync(process.env.AUDIT_JSON, `${JSON.stringify({ base: BASE, at: new Date().toISOString(), build, lighthouse: results }, null, 2)}\n`);
  console.log(`\nChiffres écrits dans ${process.env.AUDIT_JSON}`);
}
process.exit(0);
