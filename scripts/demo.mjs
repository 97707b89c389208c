#!/usr/bin/env node
// `npm run demo`: from a fresh clone (after `npm ci`) to a running instance with demo data.
// Uses the database the environment points at: DATABASE_URL if set, otherwise the embedded
// PGlite database in .data/pglite (PGLITE_DIR). Each step prints its duration; the first one
// that fails stops the demo with a one-line error and a non-zero exit code.
// Node built-ins only: this runs before anything else is known to work.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import { constants as osConstants } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startMailbox } from "./mailbox.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

const port = Number(process.env.PORT || 3000);
const url = `http://localhost:${port}`;
const nextBin = path.join("node_modules", ".bin", process.platform === "win32" ? "next.cmd" : "next");
const npmBin = process.platform === "win32" ? "npm.cmd" : "npm";
const HEALTH_TIMEOUT_MS = 120_000;
const HEALTH_INTERVAL_MS = 500;

/** A failure whose message is meant for the person running the demo. */
class StepError extends Error {}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1).replace(".", ",")} s`;
}

function fail(message) {
  console.error(`\n✗ ${message}`);
  process.exit(1);
}

/** Runs fn as a named step, printing its duration; any error stops the demo in one line. */
async function step(label, fn) {
  console.log(`\n▶ ${label}…`);
  const start = Date.now();
  try {
    const note = await fn();
    console.log(`✓ ${label} (${seconds(Date.now() - start)})${note ? ` : ${note}` : ""}`);
  } catch (err) {
    const reason = String(err?.message ?? err).split("\n")[0];
    fail(`Échec de l'étape « ${label} » après ${seconds(Date.now() - start)} : ${reason}`);
  }
}

/** The operators' CLI, without blocking (the build's progress lines keep coming meanwhile). */
function cli(...args) {
  return runInBackground(npmBin, ["run", "--silent", "cli", "--", ...args], process.env);
}

/** Runs a command without blocking (the build goes on while the database is prepared); rejects on failure. */
function runInBackground(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("error", (err) => reject(new StepError(`\`${[command, ...args].join(" ")}\` : ${err.message}`)));
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new StepError(`\`${[command, ...args].join(" ")}\` a échoué (${signal ? `interrompu par ${signal}` : `code de sortie ${code}`})`));
    });
  });
}

/** Latest modification time (ms) of a file, or of every file under a directory. */
function newestMtime(target) {
  let st;
  try {
    st = statSync(target);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs; // a deleted file changes its directory's mtime
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

const BUILD_INPUTS = [
  "src",
  "instance",
  "public",
  "next.config.mjs",
  "next.config.js",
  "next.config.ts",
  "package-lock.json",
  "tsconfig.json",
];

function buildIsFresh() {
  const buildId = path.join(".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const builtAt = statSync(buildId).mtimeMs;
  return BUILD_INPUTS.every((input) => newestMtime(input) < builtAt);
}

/** AUTH_SECRET from the environment, else .data/auth-secret (created once, mode 0600). */
function authSecret() {
  if (process.env.AUTH_SECRET?.trim()) return { secret: process.env.AUTH_SECRET, origin: "variable AUTH_SECRET" };
  const file = path.join(".data", "auth-secret");
  mkdirSync(".data", { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  } catch (err) {
    if (err.code !== "EEXIST") throw err;
  }
  const secret = readFileSync(file, "utf8").trim();
  if (!secret) throw new StepError(`${file} est vide : supprimez-le pour en créer un nouveau`);
  return { secret, origin: file };
}

function checkPortFree() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (err) =>
      reject(
        new StepError(
          err.code === "EADDRINUSE"
            ? `le port ${port} est déjà utilisé (choisissez-en un autre : PORT=3001 npm run demo)`
            : `port ${port} inutilisable : ${err.message}`,
        ),
      ),
    );
    server.listen(port, () => server.close(() => resolve()));
  });
}

async function healthy() {
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
    await res.body?.cancel();
    return res.status === 200;
  } catch {
    return false;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// --- steps ------------------------------------------------------------------------------------
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) fail(`Node.js 20.19 ou plus récent est requis (trouvé ${process.versions.node})`);
if (!existsSync(nextBin)) fail("Dépendances absentes : lancez d'abord « npm ci »");

const dbLabel = process.env.DATABASE_URL?.trim()
  ? "PostgreSQL (DATABASE_URL)"
  : `PGlite embarqué (${process.env.PGLITE_DIR?.trim() || ".data/pglite"})`;
console.log(`Démo Emploi 41 : base de données ${dbLabel}`);

const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

await step(`Port ${port} libre`, checkPortFree);

// The production build (the longest step the first time: 1 to 3 minutes) runs while the
// database is prepared. Its type check is skipped (NEXT_SKIP_TYPECHECK, next.config.mjs): the
// tests and CI run it (`npm test`). A line every 20 s says it is still working.
const buildStart = Date.now();
let build = null;
if (buildIsFresh()) console.log("\n✓ Construction de l'application : déjà à jour, étape sautée");
else {
  console.log("\n▶ Construction de l'application en arrière-plan (1 à 3 minutes la première fois, plus rapide ensuite)…");
  build = runInBackground(nextBin, ["build"], { ...childEnv, NODE_ENV: "production", NEXT_SKIP_TYPECHECK: "1" });
  build.catch(() => {}); // reported when awaited, after the database steps
}
const heartbeat = build
  ? setInterval(() => console.log(`  … construction de l'application en cours (${seconds(Date.now() - buildStart)}) : Next.js compile et optimise les pages`), 20_000)
  : null;
await step("Migration de la base", () => cli("db", "migrate"));
await step("Import des référentiels (communes, ROME)", () => cli("ref", "import"));
await step("Données de démonstration", () => cli("seed", "demo"));
if (build) {
  await step("Fin de la construction de l'application", async () => {
    try {
      await build;
    } finally {
      clearInterval(heartbeat);
    }
    return `${seconds(Date.now() - buildStart)} en tout`;
  });
}

// Without an SMTP relay, the e-mails (sign-up and sign-in codes above all) go to a local
// mailbox that the visitor reads in the browser: otherwise nobody could create an account.
let mailboxUrl = null;
if (!process.env.SMTP_URL?.trim()) {
  await step("Boîte mail de démonstration", async () => {
    const smtpPort = port + 1;
    const webPort = port + 2;
    try {
      await startMailbox({ smtpPort, httpPort: webPort });
    } catch (err) {
      throw new StepError(
        `ports ${smtpPort} et ${webPort} indisponibles (${err.message}) : choisissez un autre port (PORT=3010 npm run demo) ou donnez SMTP_URL`,
      );
    }
    childEnv.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
    childEnv.MAIL_FROM = childEnv.MAIL_FROM?.trim() || "Emploi 41 (démo) <ne-pas-repondre@demo.emploi41.fr>";
    mailboxUrl = `http://localhost:${webPort}`;
    return mailboxUrl;
  });
}

let secret;
await step("Clé de session", () => {
  const s = authSecret();
  secret = s.secret;
  return s.origin;
});

// --- server -----------------------------------------------------------------------------------
console.log(`\n▶ Démarrage du serveur sur le port ${port}…`);
const started = Date.now();
// server.mjs (as `npm start` and the Docker image): Next's handler, told each caller's socket address.
const server = spawn(process.execPath, ["server.mjs"], {
  stdio: "inherit",
  env: { ...childEnv, NODE_ENV: "production", AUTH_TRUST_HOST: "true", AUTH_SECRET: secret, PORT: String(port) },
});
let serverExited = false;

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (!serverExited) server.kill(signal);
  });
}

server.on("error", (err) => fail(`Impossible de lancer server.mjs : ${err.message}`));
server.on("exit", (code, signal) => {
  serverExited = true;
  if (code === 0 || signal === "SIGINT" || signal === "SIGTERM") {
    console.log("\nServeur arrêté.");
  } else {
    console.error(`\n✗ Le serveur s'est arrêté (${signal ? `signal ${signal}` : `code ${code}`})`);
  }
  process.exit(code ?? 128 + (osConstants.signals[signal] ?? 1));
});

while (!serverExited) {
  if (await healthy()) {
    console.log(`\n✓ Emploi 41 est prêt sur ${url} (démarré en ${seconds(Date.now() - started)})`);
    if (mailboxUrl) console.log(`  Les e-mails du site (codes d'inscription et de connexion) : ${mailboxUrl}`);
    console.log("  Ctrl+C pour arrêter.");
    break;
  }
  if (Date.now() - started > HEALTH_TIMEOUT_MS) {
    console.error(`\n✗ Le serveur ne répond pas sur ${url}/api/health après ${HEALTH_TIMEOUT_MS / 1000} s : arrêt`);
    server.removeAllListeners("exit");
    server.once("exit", () => process.exit(1));
    server.kill("SIGTERM");
    setTimeout(() => {
      server.kill("SIGKILL");
      process.exit(1);
    }, 10_000).unref();
    break;
  }
  await sleep(HEALTH_INTERVAL_MS);
}
