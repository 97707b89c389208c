// What the benchmarks share: progress on stderr, a scratch database per engine (PGlite in
// memory; PostgreSQL `<db>_bench_<suffix>` created with its extensions and dropped after), and
// p50/p95 timings of a repeated call.
import { openDatabase, type DatabaseHandle, type Engine } from "../src/server/db/client";

export const log = (s: string): void => {
  process.stderr.write(`${s}\n`);
};
export const secs = (ms: number) => Math.round(ms / 100) / 10;

/** the PostgreSQL server the benchmarks create their scratch databases on */
export const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export async function pgAdmin(url: string, statements: string[]) {
  const { default: pg } = await import("pg");
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (const s of statements) await c.query(s);
  } finally {
    await c.end();
  }
}

/** A fresh database for one engine; `drop` removes it (unless `keep`, to EXPLAIN afterwards). */
export async function openBenchDatabase(engine: Engine, suffix: string, keep = false): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  if (engine === "pglite") return { handle: await openDatabase({ engine: "pglite", dataDir: "memory://" }), drop: async () => {} };
  const admin = new URL(PG_URL);
  const name = `${decodeURIComponent(admin.pathname.replace(/^\//, "")) || "postgres"}_bench_${suffix}`.replace(/[^a-zA-Z0-9_]/g, "_");
  const bench = new URL(PG_URL);
  bench.pathname = `/${name}`;
  await pgAdmin(admin.toString(), [`drop database if exists ${name} with (force)`, `create database ${name}`]);
  await pgAdmin(bench.toString(), ["postgis", "pg_trgm", "unaccent", "btree_gist", "intarray"].map((e) => `create extension if not exists ${e}`));
  const handle = await openDatabase({ engine: "postgres", url: bench.toString() });
  return { handle, drop: keep ? async () => log(`  base conservée : ${name}`) : () => pgAdmin(admin.toString(), [`drop database if exists ${name} with (force)`]) };
}

export type Timing = { p50: number; p95: number };

export function percentile(sorted: number[], p: number) {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/** p50/p95 in ms (one decimal) of `runs` calls after `warmup` untimed ones. */
export async function time(runs: number, warmup: number, fn: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return { p50: r1(percentile(ms, 0.5)), p95: r1(percentile(ms, 0.95)) };
}

/** Reads `--name value` options: `get` (string or undefined) and `int` (with a default and a minimum). */
export function optionReader(argv: string[]) {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--")) throw new Error(`--${name} attend une valeur`);
    return v;
  };
  const int = (name: string, dflt: number, min = 0) => {
    const v = get(name);
    const n = v === undefined ? dflt : Number(v.replace(/_/g, ""));
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} attend un entier ≥ ${min}`);
    return n;
  };
  return { get, int };
}
