// The load generator of `npm run bench:load`, run as a SEPARATE process (so that the
// measuring side never shares an event loop with the app or with the bench's own bookkeeping):
// `tsx scripts/bench-load-client.ts CONFIG.json` drives autocannon against the app on loopback
// and prints one JSON line on standard output.
//
// Each connection gets one target (path + session cookie) from the pool, in turn, and keeps it:
// a connection is one signed-in person reloading their page.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export type ClientConfig = {
  url: string;
  connections: number;
  duration: number;
  /** seconds before a request counts as a timeout */
  timeout: number;
  targets: Array<{ path: string; cookie?: string }>;
};

export type ClientResult = {
  requests: number;
  /** mean requests per second over the run */
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  bytesPerSecond: number;
};

// autocannon ships no types: only what is used here
type Histogram = { average: number; p50: number; p90: number; p99: number; max: number; total: number };
type AutocannonResult = {
  requests: Histogram;
  latency: Histogram;
  throughput: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats?: Record<string, { count: number }>;
};
type Request = { method?: string; path?: string; headers?: Record<string, string> };
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

async function main() {
  const config = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as ClientConfig;
  if (!config.targets.length) throw new Error("aucune cible");
  let next = 0;
  const result = await autocannon({
    url: config.url,
    connections: config.connections,
    duration: config.duration,
    timeout: config.timeout,
    // HTML pages are not pipelined by browsers either
    pipelining: 1,
    requests: [
      {
        setupRequest(req: Request, context: { target?: number }) {
          if (context.target === undefined) context.target = next++ % config.targets.length;
          const t = config.targets[context.target]!;
          return { ...req, method: "GET", path: t.path, headers: { ...(req.headers ?? {}), accept: "text/html", ...(t.cookie ? { cookie: t.cookie } : {}) } };
        },
      },
    ],
  });
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]));
  const out: ClientResult = {
    requests: result.requests.total,
    rps: Math.round(result.requests.average * 10) / 10,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    bytesPerSecond: Math.round(result.throughput.average),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((err) => {
  process.stderr.write(`[bench-load-client] échec : ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
