// Benchmark of the weekly job alerts: `npm run bench:alerts` (not a timed test; results in
// docs/benchmarks.md, section "Job alerts").
//
// For each engine (PostgreSQL in a scratch database <db>_bench_alerts, from BENCH_DATABASE_URL /
// DATABASE_URL or the local server; PGlite in memory, smaller by default): the generated dataset
// of bench:load (beneficiaries with accounts and complete CVs in the instance's communes, offers
// all published, their publication spread over the last 7 days), then every beneficiary's first
// weekly alert prepared (alerts/prepare.ts) and the e-mails handed to an SMTP server running in
// this process (the smtp-server package) through the outbox delivery (notifications/delivery.ts,
// SMTP_URL pointing at it; several senders at once on PostgreSQL, as several app processes
// would). Prints timings, sizes and memory: the process's peak RSS (resourceUsage().maxRSS,
// data generation included) and the highest RSS sampled while alerts were prepared and sent.
//
// Options: --beneficiaries N (50000)   --offers N (5000)   --pglite-beneficiaries N (10000)
//          --pglite-offers N (1000)   --engines postgres,pglite   --batch N (500, people per
//          transaction)   --senders N (4 on PostgreSQL; 1 on PGlite)   --nagle   --keep
//
// TCP_NODELAY: nodemailer writes a message in several small packets; with Nagle's algorithm on
// (Node's default) each one waits for the server's delayed ACK, about 45 ms a message on this
// machine (100 messages on one pooled connection: 4.6 s, against 0.3 s without Nagle). The bench
// turns Nagle off for its sockets, as delivery.ts should for its transport; --nagle keeps it to
// measure the difference.

import net from "node:net";
import os from "node:os";
import { sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { log, openBenchDatabase, optionReader, secs } from "./bench-lib";
import { loadDataset } from "./bench-dataset";
import { queryRows, type Engine } from "../src/server/db/client";
import { prepareAlerts } from "../src/server/alerts/prepare";
import { deliverOutbox, senderFromEnv } from "../src/server/notifications/delivery";

type Options = {
  beneficiaries: number;
  offers: number;
  pgliteBeneficiaries: number;
  pgliteOffers: number;
  engines: Engine[];
  batch: number;
  senders: number;
  keep: boolean;
  nagle: boolean;
};

function parseArgs(argv: string[]): Options {
  const { get, int } = optionReader(argv);
  const engines = (get("engines") ?? "postgres,pglite").split(",").map((s) => s.trim()) as Engine[];
  for (const e of engines) if (e !== "postgres" && e !== "pglite") throw new Error(`--engines : « ${e} » inconnu (postgres, pglite)`);
  return {
    beneficiaries: int("beneficiaries", 50_000, 10),
    offers: int("offers", 5_000, 10),
    pgliteBeneficiaries: int("pglite-beneficiaries", 10_000, 10),
    pgliteOffers: int("pglite-offers", 1_000, 10),
    engines,
    batch: int("batch", 500, 1),
    senders: int("senders", 4, 1),
    keep: argv.includes("--keep"),
    nagle: argv.includes("--nagle"),
  };
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;

/** An SMTP server that accepts everything and counts it. */
async function startSmtp() {
  const received = { messages: 0, bytes: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    maxClients: 64,
    onData(stream, _session, callback) {
      stream.on("data", (chunk: Buffer) => {
        received.bytes += chunk.length;
      });
      stream.on("end", () => {
        received.messages += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return { received, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The highest RSS seen while `fn` runs (sampled every 100 ms). */
async function withRssPeak<T>(fn: () => Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  try {
    const value = await fn();
    return { value, peak: Math.max(peak, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}

type Result = {
  engine: Engine;
  beneficiaries: number;
  offers: number;
  loadSeconds: number;
  eligible: number;
  alerted: number;
  items: number;
  prepareSeconds: number;
  emails: number;
  failed: number;
  received: number;
  receivedMb: number;
  deliverSeconds: number;
  totalSeconds: number;
  phaseRssMb: number;
  maxRssMb: number;
  tables: { alertItemsMb: number; outboxMb: number };
};

async function runEngine(engine: Engine, o: Options): Promise<Result> {
  const beneficiaries = engine === "pglite" ? o.pgliteBeneficiaries : o.beneficiaries;
  const offers = engine === "pglite" ? o.pgliteOffers : o.offers;
  log(`\n== ${engine} : ${beneficiaries.toLocaleString("fr-FR")} bénéficiaires, ${offers.toLocaleString("fr-FR")} offres`);
  const { handle, drop } = await openBenchDatabase(engine, "alerts", o.keep);
  const smtp = await startSmtp();
  try {
    let t = performance.now();
    await loadDataset(handle, { beneficiaries, offers, publishedWithinDays: 7, allPublished: true });
    const loadSeconds = secs(performance.now() - t);
    const db = handle.db;

    process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}/?pool=true&maxConnections=2`;
    process.env.MAIL_FROM = "Emploi 41 <alertes@bench.emploi41.fr>";
    const senders = engine === "pglite" ? 1 : o.senders;

    const start = performance.now();
    const { value, peak } = await withRssPeak(async () => {
      t = performance.now();
      const report = await prepareAlerts(db, { now: new Date(), batchSize: o.batch });
      const prepareSeconds = secs(performance.now() - t);
      log(`  alertes préparées en ${prepareSeconds} s : ${JSON.stringify(report)}`);
      t = performance.now();
      const results = await Promise.all(
        Array.from({ length: senders }, async () => {
          const sender = (await senderFromEnv())!;
          try {
            return await deliverOutbox(db, sender, { batchSize: 100 });
          } finally {
            (sender.transport as unknown as { close?: () => void }).close?.();
          }
        }),
      );
      const deliverSeconds = secs(performance.now() - t);
      const sent = results.reduce((n, r) => n + r.sent, 0);
      const failed = results.reduce((n, r) => n + r.failed, 0);
      log(`  ${sent} e-mails remis au serveur SMTP en ${deliverSeconds} s (${senders} expéditeur(s)), ${failed} échec(s)`);
      return { report, prepareSeconds, deliverSeconds, sent, failed };
    });
    const totalSeconds = secs(performance.now() - start);
    const [sizes] = await queryRows<{ items: number; outbox: number }>(
      db,
      sql`select pg_total_relation_size('alert_items')::float8 as items, pg_total_relation_size('email_outbox')::float8 as outbox`,
    );
    return {
      engine,
      beneficiaries,
      offers,
      loadSeconds,
      eligible: value.report.eligible,
      alerted: value.report.alerted,
      items: value.report.items,
      prepareSeconds: value.prepareSeconds,
      emails: value.sent,
      failed: value.failed,
      received: smtp.received.messages,
      receivedMb: mb(smtp.received.bytes),
      deliverSeconds: value.deliverSeconds,
      totalSeconds,
      phaseRssMb: mb(peak),
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      tables: { alertItemsMb: mb(Number(sizes!.items)), outboxMb: mb(Number(sizes!.outbox)) },
    };
  } finally {
    await smtp.close();
    await handle.close();
    await drop();
  }
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!o.nagle) {
    const connect = net.Socket.prototype.connect;
    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
      this.setNoDelay(true);
      return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
    } as typeof connect;
  }
  process.env.AUTH_URL ??= "https://emploi.example.fr"; // e-mailed links are absolute, as in production
  const results: Result[] = [];
  for (const engine of o.engines) results.push(await runEngine(engine, o));
  const cpu = os.cpus()[0]?.model ?? "?";
  console.log(`\nMachine : ${cpu}, ${os.cpus().length} cœurs, ${Math.round(os.totalmem() / 2 ** 30)} Go, Node ${process.version} ; lots de ${o.batch} personnes ; TCP_NODELAY ${o.nagle ? "non" : "oui"}\n`);
  console.log("| moteur | bénéficiaires | offres | personnes au CV complet | alertées | offres envoyées | préparation | e-mails remis (SMTP) | envoi | préparation + envoi | RSS max pendant | RSS max du processus |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results) {
    console.log(
      `| ${r.engine} | ${r.beneficiaries.toLocaleString("fr-FR")} | ${r.offers.toLocaleString("fr-FR")} | ${r.eligible.toLocaleString("fr-FR")} | ${r.alerted.toLocaleString("fr-FR")} | ${r.items.toLocaleString("fr-FR")} | ${r.prepareSeconds} s | ${r.received.toLocaleString("fr-FR")} (${r.receivedMb} Mo) | ${r.deliverSeconds} s | ${r.totalSeconds} s | ${r.phaseRssMb} Mo | ${r.maxRssMb} Mo |`,
    );
  }
  for (const r of results) {
    log(`${r.engine} : chargement ${r.loadSeconds} s ; alert_items ${r.tables.alertItemsMb} Mo, email_outbox ${r.tables.outboxMb} Mo ; échecs SMTP ${r.failed}`);
  }
  const pg = results.find((r) => r.engine === "postgres");
  if (pg) console.log(`\nPostgreSQL : préparées et remises en moins de 5 minutes : ${pg.totalSeconds < 300 ? "oui" : "NON"} (${pg.totalSeconds} s)`);
}

main().catch((err) => {
  console.error(`[bench-alerts] échec : ${(err as Error).stack ?? err}`);
  process.exit(1);
});
