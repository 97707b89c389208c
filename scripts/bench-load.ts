// Load test of the built app: `npm run bench:load` (not a timed test; results in docs/reliability.md).
//
// For each engine (PostgreSQL in a scratch database <db>_bench_load, from BENCH_DATABASE_URL /
// DATABASE_URL or the local server; PGlite in .data/bench-load-pglite): migrations, reference
// data and territories (as `cli db migrate` + `cli ref import`), then a generated dataset in bulk
// INSERTs: N beneficiaries with accounts (users + CV + jobs, searchable, in the instance's
// communes), M offers from M/20 employers with one recruiter account each. A production build
// (into .next-bench, so that a Playwright server's .next is left alone) is served by
// `next start` on 127.0.0.1; a pool of beneficiaries and recruiters signs in through the real
// credentials flow; every page measured is checked once per pool entry (200 and its content);
// then a SEPARATE process (scripts/bench-load-client.ts, autocannon) drives each scenario at
// each concurrency for --duration seconds while the server's memory (VmRSS of its process
// tree) is sampled. Non-2xx answers count as errors (a redirect to /connexion is a failure).
//
// Scenarios: public = /offres (anyone, PostgreSQL full-text browse and searches),
//            near = /beneficiaire/offres ("offres près de chez vous", ranked by the matcher),
//            candidates = /employeur/offres/<id>/candidats (an employer's ranked candidates).
// Output: a table on standard output, progress on standard error, JSON in docs/bench-load.json.
//
// Options: --duration S (60)   --concurrency 10,50,200   --engines postgres,pglite
//          --scenarios public,near,candidates   --beneficiaries 50000   --offers 5000
//          --pool N (200, signed-in people per role)   --port 3200   --skip-build   --keep
//          --out FILE (docs/bench-load.json)

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { log, openBenchDatabase, optionReader, PG_URL, secs } from "./bench-lib";
import { BENCH_DOMAIN as DOMAIN, BENCH_PASSWORD as PASSWORD, loadDataset } from "./bench-dataset";
import type { ClientConfig, ClientResult } from "./bench-load-client";
import { openDatabase, queryRows, type Database, type DatabaseHandle, type Engine } from "../src/server/db/client";

const SCENARIOS = ["public", "near", "candidates"] as const;
type Scenario = (typeof SCENARIOS)[number];
const SCENARIO_LABELS: Record<Scenario, string> = {
  public: "/offres (public)",
  near: "offres près de chez moi",
  candidates: "candidats classés (employeur)",
};

/** Every bench account shares it (it passes the password rules). */
const DIST_DIR = ".next-bench";
const PGLITE_DIR = path.join(".data", "bench-load-pglite");
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

type Options = {
  duration: number;
  concurrency: number[];
  engines: Engine[];
  scenarios: Scenario[];
  beneficiaries: number;
  offers: number;
  pool: number;
  port: number;
  skipBuild: boolean;
  keep: boolean;
  out: string;
};

function parseArgs(argv: string[]): Options {
  const { get, int } = optionReader(argv);
  const list = <T extends string>(name: string, dflt: string, allowed: readonly T[]) => {
    const xs = (get(name) ?? dflt).split(",").map((s) => s.trim()).filter(Boolean);
    for (const x of xs) if (!allowed.includes(x as T)) throw new Error(`--${name} : « ${x} » inconnu (${allowed.join(", ")})`);
    return xs as T[];
  };
  const concurrency = (get("concurrency") ?? "10,50,200").split(",").map((s) => Number(s.trim()));
  if (!concurrency.length || concurrency.some((n) => !Number.isInteger(n) || n < 1)) throw new Error("--concurrency attend des entiers ≥ 1, séparés par des virgules");
  return {
    duration: int("duration", 60, 1),
    concurrency,
    engines: list<Engine>("engines", "postgres,pglite", ["postgres", "pglite"]),
    scenarios: list<Scenario>("scenarios", SCENARIOS.join(","), SCENARIOS),
    beneficiaries: int("beneficiaries", 50_000, 10),
    offers: int("offers", 5_000, 10),
    pool: int("pool", 200, 1),
    port: int("port", 3200, 1024),
    skipBuild: argv.includes("--skip-build"),
    keep: argv.includes("--keep"),
    out: get("out") ?? "docs/bench-load.json",
  };
}

/** Who signs in: the first `pool` beneficiaries, and recruiters with one published offer each. */
async function poolAccounts(db: Database, pool: number) {
  const beneficiaries = (
    await queryRows<{ email: string }>(
      db,
      sql`select u.email from users u join beneficiary_profiles p on p.user_id = u.id
          where u.role = 'beneficiary' and u.email like ${`%@${DOMAIN}`} order by u.email limit ${pool}`,
    )
  ).map((r) => r.email);
  const employers = await queryRows<{ email: string; offerId: string }>(
    db,
    sql`select email, "offerId" from (
          select distinct on (m.employer_id) u.email, o.id::text as "offerId"
          from employer_members m join users u on u.id = m.user_id
          join offers o on o.employer_id = m.employer_id and o.status = 'published'
          where u.email like ${`%@${DOMAIN}`} order by m.employer_id, o.created_at, o.id) x
        order by email limit ${pool}`,
  );
  return { beneficiaries, employers };
}

// ---------------------------------------------------------------------------------------------
// The server

const nextBin = path.join(ROOT, "node_modules", ".bin", "next");

function serverEnv(engine: Engine, databaseUrl: string | null, secret: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: secret,
    AUTH_TRUST_HOST: "true",
    // the app's background jobs would add their own load
    JOBS: "off",
    SEARCH_JOB_SECONDS: "0",
  };
  delete env.MEILI_HOST;
  delete env.MEILI_API_KEY;
  delete env.AUTH_URL;
  if (engine === "postgres") {
    env.DATABASE_URL = databaseUrl!;
    delete env.PGLITE_DIR;
  } else {
    delete env.DATABASE_URL;
    env.PGLITE_DIR = PGLITE_DIR;
  }
  return env;
}

function build(env: NodeJS.ProcessEnv) {
  // `next build` may rewrite these for its types: put them back as they were
  const keep = ["tsconfig.json", "next-env.d.ts"].map((f) => [f, existsSync(path.join(ROOT, f)) ? readFileSync(path.join(ROOT, f), "utf8") : null] as const);
  const t0 = performance.now();
  log(`next build (dans ${DIST_DIR})…`);
  // its output goes to standard error: standard output carries only the results
  const r = spawnSync(nextBin, ["build"], { cwd: ROOT, env, stdio: ["ignore", 2, 2] });
  for (const [f, text] of keep) {
    const p = path.join(ROOT, f);
    const now = existsSync(p) ? readFileSync(p, "utf8") : null;
    if (now !== text) {
      if (text === null) rmSync(p, { force: true });
      else writeFileSync(p, text);
    }
  }
  if (r.status !== 0) throw new Error(`next build a échoué (${r.error?.message ?? r.signal ?? `code ${r.status}`})`);
  log(`next build : ${secs(performance.now() - t0)} s`);
}

type Server = { proc: ChildProcess; base: string; logFile: string; stop: () => Promise<void> };
const running = new Set<Server>();

async function startServer(env: NodeJS.ProcessEnv, port: number, engine: Engine): Promise<Server> {
  mkdirSync(path.join(ROOT, ".data"), { recursive: true });
  const logFile = path.join(ROOT, ".data", `bench-load-server-${engine}.log`);
  const out = createWriteStream(logFile);
  // its own process group, so that the whole tree can be stopped at once
  // server.mjs, as `npm start` (Next's handler, told each caller's socket address)
  const proc = spawn(process.execPath, ["server.mjs"], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), LISTEN_HOST: "127.0.0.1", NODE_ENV: "production" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout!.pipe(out);
  proc.stderr!.pipe(out);
  const base = `http://127.0.0.1:${port}`;
  const server: Server = {
    proc,
    base,
    logFile,
    stop: async () => {
      running.delete(server);
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise((r) => proc.once("exit", r));
      try {
        process.kill(-proc.pid!, "SIGTERM");
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-proc.pid!, "SIGKILL");
        } catch {}
      }, 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(server);
  const t0 = performance.now();
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`next start s'est arrêté (code ${proc.exitCode}), voir ${logFile}`);
    try {
      const r = await fetch(`${base}/offres`, { redirect: "manual" });
      await r.arrayBuffer();
      if (r.status === 200) break;
    } catch {}
    if (performance.now() - t0 > 180_000) throw new Error(`next start ne répond pas après 3 min, voir ${logFile}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  log(`  serveur prêt sur ${base} en ${secs(performance.now() - t0)} s (pid ${proc.pid}, journal ${path.relative(ROOT, logFile)})`);
  return server;
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    for (const s of running) {
      try {
        process.kill(-s.proc.pid!, "SIGKILL");
      } catch {}
    }
    process.exit(130);
  });
}

/** Resident memory (kB) of a process and all its descendants. */
function treeRssKb(root: number): number {
  const children = new Map<number, number[]>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {}
  }
  let total = 0;
  const todo = [root];
  while (todo.length) {
    const pid = todo.pop()!;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      total += Number(m?.[1] ?? 0);
    } catch {}
    todo.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** CPU time (ticks) used so far by a process and all its descendants. */
function treeCpuTicks(root: number): number {
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      children.set(Number(f[1]), [...(children.get(Number(f[1])) ?? []), Number(d)]);
      ticks.set(Number(d), Number(f[11]) + Number(f[12]));
    } catch {}
  }
  let total = 0;
  const todo = [root];
  while (todo.length) {
    const pid = todo.pop()!;
    total += ticks.get(pid) ?? 0;
    todo.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * Waits until the server is idle (under a fifth of a core for two seconds in a row, at most
 * two minutes): requests the client gave up on (timeouts) are still being rendered after a
 * run, and would slow down the next one.
 */
async function settle(pid: number) {
  const t0 = performance.now();
  let quiet = 0;
  let last = treeCpuTicks(pid);
  while (quiet < 2 && performance.now() - t0 < 120_000) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = treeCpuTicks(pid);
    quiet = now - last < 20 ? quiet + 1 : 0; // 100 ticks a second per core
    last = now;
  }
  const s = secs(performance.now() - t0);
  if (s > 3) log(`    serveur au repos après ${s} s`);
}

// ---------------------------------------------------------------------------------------------
// Signing in and checking the pages

async function pMap<T, R>(xs: T[], width: number, fn: (x: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(xs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, xs.length) }, async () => {
      while (next < xs.length) {
        const i = next++;
        out[i] = await fn(xs[i]!, i);
      }
    }),
  );
  return out;
}

const cookiesOf = (r: Response) => r.headers.getSetCookie().map((c) => c.split(";")[0]!);

/** The real credentials flow: CSRF token, then the form post; returns the session cookie. */
async function signIn(base: string, email: string): Promise<string> {
  const r1 = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await r1.json()) as { csrfToken: string };
  const r2 = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(r1).join("; ") },
    body: new URLSearchParams({ email, password: PASSWORD, csrfToken, callbackUrl: `${base}/` }),
  });
  await r2.arrayBuffer();
  const session = cookiesOf(r2).filter((c) => c.startsWith("authjs.session-token"));
  if (!session.length) throw new Error(`connexion refusée pour ${email} (HTTP ${r2.status}, ${r2.headers.get("location")})`);
  return session.join("; ");
}

type Target = { path: string; cookie?: string };
const PUBLIC_PATHS = ["/offres", "/offres?q=cariste", "/offres?q=aide%20a%20domicile", "/offres?q=boulanjer"];

/** What a page must show for the measure to mean something (not a sign-in page, not an empty state). */
const EXPECT: Record<Scenario, { marker: string; link: RegExp }> = {
  // anyone: each result links to the sign-in page, then to the offer
  public: { marker: "offre", link: /href="\/connexion\?retour=%2Fbeneficiaire%2Foffres%2F[0-9a-f-]{36}/ },
  near: { marker: "Offres près de chez vous", link: /href="\/beneficiaire\/offres\/[0-9a-f-]{36}/ },
  candidates: { marker: "Candidats pour", link: /href="\/employeur\/offres\/[0-9a-f-]{36}\/candidats\/[A-Za-z0-9_-]{59}"/ },
};

async function checkTargets(base: string, scenario: Scenario, targets: Target[]) {
  let empty = 0;
  const ms: number[] = [];
  await pMap(targets, 4, async (t) => {
    const t0 = performance.now();
    const r = await fetch(`${base}${t.path}`, { redirect: "manual", headers: t.cookie ? { cookie: t.cookie } : {} });
    const html = await r.text();
    ms.push(performance.now() - t0);
    if (r.status !== 200) throw new Error(`${scenario} : ${t.path} répond ${r.status}${r.headers.get("location") ? ` → ${r.headers.get("location")}` : ""}`);
    if (!html.includes(EXPECT[scenario].marker)) throw new Error(`${scenario} : ${t.path} ne contient pas « ${EXPECT[scenario].marker} »`);
    if (!EXPECT[scenario].link.test(html)) empty++;
  });
  ms.sort((a, b) => a - b);
  log(`  ${scenario} : ${targets.length} pages vérifiées (200, contenu attendu), ${empty} sans résultat, médiane ${Math.round(ms[Math.floor(ms.length / 2)]!)} ms`);
  if (empty > targets.length / 2) throw new Error(`${scenario} : ${empty} pages sur ${targets.length} sans aucun résultat : jeu de données inadapté`);
  return { checked: targets.length, withoutResults: empty };
}

// ---------------------------------------------------------------------------------------------
// One measure: the client in its own process, the server's memory sampled meanwhile

async function drive(server: Server, targets: Target[], connections: number, duration: number): Promise<ClientResult & { rssMaxMb: number }> {
  const dir = path.join(ROOT, ".data");
  const configFile = path.join(dir, `bench-load-client-${process.pid}.json`);
  const config: ClientConfig = { url: server.base, connections, duration, timeout: 10, targets };
  writeFileSync(configFile, JSON.stringify(config));
  let rssMax = treeRssKb(server.proc.pid!);
  const sampler = setInterval(() => {
    rssMax = Math.max(rssMax, treeRssKb(server.proc.pid!));
  }, 500);
  try {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "bench-load-client.ts"), configFile], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
    const code = await new Promise<number | null>((r) => child.on("exit", r));
    if (code !== 0) throw new Error(`le client de charge a échoué (code ${code})`);
    return { ...(JSON.parse(stdout.trim().split("\n").at(-1)!) as ClientResult), rssMaxMb: Math.round(rssMax / 1024) };
  } finally {
    clearInterval(sampler);
    rmSync(configFile, { force: true });
  }
}

type Measure = { engine: Engine; scenario: Scenario; connections: number; duration: number } & ClientResult & { rssMaxMb: number; loadAverage: number };

// ---------------------------------------------------------------------------------------------

function pgBenchUrl(): string {
  // the same database bench-lib's openBenchDatabase(engine, "load") creates
  const admin = new URL(PG_URL);
  const name = `${decodeURIComponent(admin.pathname.replace(/^\//, "")) || "postgres"}_bench_load`.replace(/[^a-zA-Z0-9_]/g, "_");
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function runEngine(engine: Engine, o: Options, built: { done: boolean }, measures: Measure[], datasets: Record<string, unknown>) {
  log(`${engine} : préparation de la base`);
  let drop: () => Promise<void>;
  let handle: DatabaseHandle;
  if (engine === "postgres") {
    ({ handle, drop } = await openBenchDatabase("postgres", "load", o.keep));
  } else {
    rmSync(path.join(ROOT, PGLITE_DIR), { recursive: true, force: true });
    handle = await openDatabase({ engine: "pglite", dataDir: path.join(ROOT, PGLITE_DIR) });
    drop = async () => (o.keep ? log(`  base conservée : ${PGLITE_DIR}`) : rmSync(path.join(ROOT, PGLITE_DIR), { recursive: true, force: true }));
  }
  let server: Server | null = null;
  try {
    const dataset = await loadDataset(handle, o);
    const [v] = await queryRows<{ version: string }>(handle.db, sql`select version() as version`);
    const accounts = await poolAccounts(handle.db, o.pool);
    datasets[engine] = { ...dataset, version: v!.version.split(" on ")[0]!.split(",")[0] };
    log(`  ${JSON.stringify(datasets[engine])}`);
    // PGlite: one process only; the app opens the folder once this one has closed it
    await handle.close();

    const env = serverEnv(engine, engine === "postgres" ? pgBenchUrl() : null, randomBytes(32).toString("base64url"));
    if (!built.done) {
      if (!o.skipBuild) build(env);
      else if (!existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID"))) throw new Error(`--skip-build : aucune construction dans ${DIST_DIR}`);
      built.done = true;
    }
    server = await startServer(env, o.port, engine);

    const targets: Record<Scenario, Target[]> = { public: [], near: [], candidates: [] };
    targets.public = PUBLIC_PATHS.map((p) => ({ path: p }));
    const t0 = performance.now();
    if (o.scenarios.includes("near")) {
      const cookies = await pMap(accounts.beneficiaries, 4, (email) => signIn(server!.base, email));
      targets.near = cookies.map((cookie) => ({ path: "/beneficiaire/offres", cookie }));
    }
    if (o.scenarios.includes("candidates")) {
      const cookies = await pMap(accounts.employers, 4, (e) => signIn(server!.base, e.email));
      targets.candidates = cookies.map((cookie, i) => ({ path: `/employeur/offres/${accounts.employers[i]!.offerId}/candidats`, cookie }));
    }
    log(`  ${targets.near.length} bénéficiaires et ${targets.candidates.length} recruteurs connectés en ${secs(performance.now() - t0)} s`);
    const checks: Record<string, unknown> = {};
    for (const s of o.scenarios) checks[s] = await checkTargets(server.base, s, targets[s]);
    (datasets[engine] as Record<string, unknown>).checks = checks;

    for (const scenario of o.scenarios) {
      for (const connections of o.concurrency) {
        log(`  ${engine} / ${scenario} / ${connections} connexions : ${o.duration} s…`);
        await settle(server.proc.pid!);
        const r = await drive(server, targets[scenario], connections, o.duration);
        const m: Measure = { engine, scenario, connections, duration: o.duration, ...r, loadAverage: Math.round(os.loadavg()[0]! * 100) / 100 };
        measures.push(m);
        log(`    ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, erreurs ${r.errors}, non-2xx ${r.non2xx}, délais ${r.timeouts}, RSS max ${r.rssMaxMb} Mo`);
      }
    }
  } finally {
    if (server) await server.stop();
    if (engine === "postgres") await drop();
    else await drop();
  }
}

const fmt = (x: number) => (Number.isInteger(x) ? x.toLocaleString("fr-FR") : x.toLocaleString("fr-FR", { maximumFractionDigits: 1 }));

function table(measures: Measure[]): string {
  const header = ["moteur", "scénario", "connexions", "req/s", "p50 (ms)", "p99 (ms)", "erreurs / non-2xx", "délais dépassés", "RSS max (Mo)"];
  const rows = measures.map((m) => [m.engine, SCENARIO_LABELS[m.scenario], String(m.connections), fmt(m.rps), fmt(m.p50), fmt(m.p99), `${m.errors} / ${m.non2xx}`, String(m.timeouts), String(m.rssMaxMb)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  process.chdir(ROOT);
  const machine = { cpu: os.cpus()[0]?.model ?? "inconnu", cores: os.cpus().length, ramGb: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  log(`Machine : ${machine.cores} cœur(s), ${machine.ramGb} Gio, charge ${os.loadavg()[0]!.toFixed(2)}`);
  const measures: Measure[] = [];
  const datasets: Record<string, unknown> = {};
  const built = { done: false };
  const report = () => ({
    generatedAt: new Date().toISOString(),
    command: `npm run bench:load -- ${process.argv.slice(2).join(" ")}`.trim(),
    machine,
    settings: { duration: o.duration, concurrency: o.concurrency, beneficiaries: o.beneficiaries, offers: o.offers, pool: o.pool, publicPaths: PUBLIC_PATHS },
    targets: { noErrors: true, p99AtFiftyMs: 300, nearRpsMin: 200 },
    datasets,
    measures,
  });
  try {
    for (const engine of o.engines) {
      await runEngine(engine, o, built, measures, datasets);
      mkdirSync(path.dirname(o.out), { recursive: true });
      writeFileSync(o.out, `${JSON.stringify(report(), null, 2)}\n`);
    }
  } finally {
    for (const s of [...running]) await s.stop();
  }
  console.log(`\nMachine : ${machine.cpu}, ${machine.cores} cœurs, ${machine.ramGb} Go, Node ${process.version} ; ${o.duration} s par mesure\n`);
  console.log(table(measures));
  const at50 = measures.filter((m) => m.connections === 50);
  const verdict = [
    `aucune erreur : ${measures.every((m) => m.errors + m.non2xx + m.timeouts === 0) ? "oui" : "NON"}`,
    at50.length ? `p99 ≤ 300 ms à 50 connexions : ${at50.every((m) => m.p99 <= 300) ? "oui" : "NON"}` : null,
    ...o.engines.map((e) => {
      const near = measures.filter((m) => m.engine === e && m.scenario === "near");
      return near.length ? `${e} : ≥ 200 req/s sur « offres près de chez moi » : ${near.some((m) => m.rps >= 200) ? "oui" : "NON"} (max ${fmt(Math.max(...near.map((m) => m.rps)))})` : null;
    }),
  ].filter(Boolean);
  console.log(`\n${verdict.join("\n")}\n\nRésultats écrits dans ${o.out}`);
}

main().catch(async (err) => {
  for (const s of [...running]) await s.stop().catch(() => {});
  console.error(`[bench-load] échec : ${(err as Error).stack ?? err}`);
  process.exit(1);
});
