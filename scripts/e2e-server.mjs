#!/usr/bin/env node
// The server the Playwright specs run against (started by playwright.config.ts on port 3100):
// a fresh database (embedded PGlite in .data/e2e-pglite, or E2E_DATABASE_URL when given),
// migrated, with the reference data and the demo accounts, then a production build served by
// server.mjs (Next behind a Node http server, as `npm start`). Signals are forwarded so that Playwright can stop it cleanly.
// Node built-ins only.
import { spawn, spawnSync } from "node:child_process";
import { createServer as createHttpServer } from "node:http";
import { createServer as createTcpServer } from "node:net";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

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
};

/** Quoted-printable and RFC 2047 encoded words, enough for nodemailer's UTF-8 text e-mails. */
function decodeQuotedPrintable(text) {
  const bytes = [];
  const raw = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === "=" && /^[0-9A-F]{2}$/i.test(raw.slice(i + 1, i + 3))) {
      bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(raw[i], "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}
function decodeHeader(value) {
  return value.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc, data) =>
    enc.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
  );
}
function parseMessage(data) {
  const [head, ...rest] = data.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  const header = (name) => (new RegExp(`^${name}:\\s*(.*)$`, "im").exec(unfolded)?.[1] ?? "").trim();
  let body = rest.join("\r\n\r\n");
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  if (encoding === "quoted-printable") body = decodeQuotedPrintable(body);
  else if (encoding === "base64") body = Buffer.from(body.replace(/\s/g, ""), "base64").toString("utf8");
  return { subject: decodeHeader(header("Subject")), text: body.replace(/\r\n/g, "\n") };
}

const messages = [];
createTcpServer((socket) => {
  let buffer = "";
  let inData = false;
  let to = [];
  const reply = (line) => socket.write(`${line}\r\n`);
  reply("220 e2e-mailbox");
  socket.on("data", (chunk) => {
    buffer += chunk.toString("utf8");
    for (;;) {
      if (inData) {
        const end = buffer.indexOf("\r\n.\r\n");
        if (end < 0) return;
        const data = buffer.slice(0, end).replace(/^\.\./gm, ".");
        buffer = buffer.slice(end + 5);
        inData = false;
        for (const address of to) messages.push({ to: address, ...parseMessage(data), at: new Date().toISOString() });
        to = [];
        reply("250 OK");
        continue;
      }
      const eol = buffer.indexOf("\r\n");
      if (eol < 0) return;
      const line = buffer.slice(0, eol);
      buffer = buffer.slice(eol + 2);
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === "EHLO" || verb === "HELO") reply("250 e2e-mailbox");
      else if (verb === "RCPT") {
        to.push((/<([^>]*)>/.exec(line)?.[1] ?? "").toLowerCase());
        reply("250 OK");
      } else if (verb === "DATA") {
        inData = true;
        reply("354 End data with <CR><LF>.<CR><LF>");
      } else if (verb === "QUIT") {
        reply("221 Bye");
        socket.end();
      } else reply("250 OK");
    }
  });
  socket.on("error", () => {});
}).listen(SMTP_PORT, "127.0.0.1");

createHttpServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const to = url.searchParams.get("to")?.toLowerCase();
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(messages.filter((m) => !to || m.to === to)));
}).listen(MAILBOX_PORT, "127.0.0.1");

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

run("migrations", npmBin, ["run", "--silent", "cli", "--", "db", "migrate"]);
run("données de référence", npmBin, ["run", "--silent", "cli", "--", "ref", "import"]);
run("jeu de démonstration", npmBin, ["run", "--silent", "cli", "--", "seed", "demo"]);
if (process.env.E2E_SKIP_BUILD !== "1") run("next build", nextBin, ["build"]);

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
