#!/usr/bin/env node
// The server the Playwright specs run against (started by playwright.config.ts on port 3100):
// a fresh database (embedded PGlite in .data/e2e-pglite, or E2E_DATABASE_URL when given),
// migrated, with the reference data and the demo accounts, then a production build served by
// server.mjs (Next behind a Node http server, as `npm start`). Signals are forwarded so that Playwright can stop it cleanly.
// Node built-ins only.
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startMailbox } from "./mailbox.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

const PORT = process.env.E2E_PORT ?? "3100";
const PGLITE_DIR = path.join(".data", "e2e-pglite");
const npmBin = process.platform === "win32" ? "npm.cmd" : "npm";
const nextBin = path.join("node_modules", ".bin", process.platform === "win32" ? "next.cmd" : "next");

// A mailbox for the specs: the app delivers its e-mails by SMTP to this process (port+1), and
// the specs read them over HTTP (port+2, GET /messages?to=ADDRESS), as a person reads their
// mailbox (sign-up and sign-in codes are masked on the staff outbox page).
const SMTP_PORT = Number(PORT) + 1;
const MAILBOX_PORT = Number(PORT) + 2;

const env = {
  ...process.env,
  AUTH_SECRET: "e2e-secret-not-for-production",
  AUTH_TRUST_HOST: "true",
  NEXT_TELEMETRY_DISABLED: "1",
  SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
  MAIL_FROM: "Emploi 41 <ne-pas-repondre@e2e.test>",
  // the send-due job every minute (reminders, digests, alerts): the specs wait for its e-mails
  SEND_DUE_MINUTES: "1",
};

await startMailbox({ smtpPort: SMTP_PORT, httpPort: MAILBOX_PORT });

if (process.env.E2E_DATABASE_URL) {
  env.DATABASE_URL = process.env.E2E_DATABASE_URL;
  delete env.PGLITE_DIR;
  log(`Base : PostgreSQL (E2E_DATABASE_URL)`);
} else {
  // Never the developer's own database: a fresh embedded one each run.
  delete env.DATABASE_URL;
  env.PGLITE_DIR = PGLITE_DIR;
  rmSync(PGLITE_DIR, { recursive: true, force: true });
  log(`Base : PGlite neuve dans ${PGLITE_DIR}`);
}

function log(message) {
  process.stderr.write(`[e2e-server] ${message}\n`);
}

function run(label, command, args) {
  const start = Date.now();
  log(`${label}…`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.error || result.status !== 0) {
    const why = result.error?.message ?? (result.signal ? `signal ${result.signal}` : `code ${result.status}`);
    log(`échec : ${label} (${why})`);
    process.exit(1);
  }
  log(`${label} : ${((Date.now() - start) / 1000).toFixed(1)} s`);
}

// The build (which needs no database) runs while the database is prepared. `npm test` runs tsc
// before the end-to-end stage: the build need not check the types again.
let build = Promise.resolve();
if (process.env.E2E_SKIP_BUILD !== "1") {
  const start = Date.now();
  log("next build (en parallèle)…");
  build = new Promise((resolve) => {
    const child = spawn(nextBin, ["build"], { stdio: "inherit", env: { ...env, NEXT_SKIP_TYPECHECK: "1" } });
    child.on("error", (err) => {
      log(`échec : next build (${err.message})`);
      process.exit(1);
    });
    child.on("exit", (code, signal) => {
      if (code !== 0) {
        log(`échec : next build (${signal ? `signal ${signal}` : `code ${code}`})`);
        process.exit(1);
      }
      log(`next build : ${((Date.now() - start) / 1000).toFixed(1)} s`);
      resolve();
    });
  });
}
run("migrations", npmBin, ["run", "--silent", "cli", "--", "db", "migrate"]);
run("données de référence", npmBin, ["run", "--silent", "cli", "--", "ref", "import"]);
run("jeu de démonstration", npmBin, ["run", "--silent", "cli", "--", "seed", "demo"]);
await build;

// server.mjs, as in production: it hands the socket's address to the app (rate limits per address).
log(`node server.mjs sur le port ${PORT}`);
const server = spawn(process.execPath, ["server.mjs"], { stdio: "inherit", env: { ...env, PORT, NODE_ENV: "production" } });

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    stopping = true;
    if (server.exitCode === null) server.kill(signal);
  });
}
server.on("exit", (code, signal) => {
  if (!stopping && code !== 0) log(`le serveur s'est arrêté (${signal ?? `code ${code}`})`);
  process.exit(code ?? (signal ? 0 : 1));
});
