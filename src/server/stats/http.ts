// The CSV downloads' query strings (?table=counts&from=2026-01&to=2026-06&territory=blois) and
// responses, shared by /api/admin/stats and /api/statistiques: a bad query is a 400 with a
// French message, never a crash.
import type { Database } from "../db/client";
import { FieldErrors } from "../lib/field-errors";
import { statsCsvDownload } from "./csv";
import { publicStatsInput, resolveFilters, statsInput, type StatsInput } from "./period";
import { cachedPublicReport } from "./public-cache";
import { statsReport } from "./report";
import { STATS_TABLES, type StatsTable } from "./types";

export type Audience = "admin" | "public";

export type ParsedQuery = { ok: true; table: StatsTable; input: StatsInput } | { ok: false; message: string };

/** Reads the query string; the public download takes no territory and has no caseloads nor outreach. */
export function parseStatsQuery(params: URLSearchParams, audience: Audience): ParsedQuery {
  const allowed = audience === "admin" ? STATS_TABLES : STATS_TABLES.filter((t) => t !== "caseloads" && t !== "outreach");
  const known = new Set(["table", "from", "to", ...(audience === "admin" ? ["territory"] : [])]);
  const unknown = [...params.keys()].filter((k) => !known.has(k));
  if (unknown.length) return { ok: false, message: `Paramètre inconnu : ${unknown.join(", ")}.` };
  const table = params.get("table");
  if (!table || !(allowed as readonly string[]).includes(table)) {
    return { ok: false, message: `Tableau attendu (table) : ${allowed.join(", ")}.` };
  }
  const raw: Record<string, string> = {};
  for (const k of ["from", "to", "territory"]) {
    const v = params.get(k);
    if (v !== null && v.trim() !== "") raw[k] = v;
  }
  const parsed = (audience === "admin" ? statsInput : publicStatsInput).safeParse(raw);
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join(".") || "requête"} : ${i.message}`).join(" ") };
  }
  return { ok: true, table: table as StatsTable, input: parsed.data };
}

export type CsvHttpResult = { status: number; body: string; headers: Record<string, string> };

const problem = (status: number, message: string): CsvHttpResult => ({
  status,
  body: JSON.stringify({ error: message }),
  headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
});

const FIELD_NAMES: Record<string, string> = { from: "premier mois", to: "dernier mois", territory: "territoire" };

/** The whole download: query string → report → CSV (or a 400 saying what is wrong). */
export async function statsCsvHttp(db: Database, params: URLSearchParams, audience: Audience, now: Date = new Date()): Promise<CsvHttpResult> {
  const q = parseStatsQuery(params, audience);
  if (!q.ok) return problem(400, q.message);
  let report;
  try {
    if (audience === "public") report = await cachedPublicReport(db, q.input, now);
    else report = await statsReport(db, await resolveFilters(db, q.input, now), { now, withCaseloads: q.table === "caseloads", withOutreach: q.table === "outreach" });
  } catch (err) {
    if (err instanceof FieldErrors) {
      return problem(400, Object.entries(err.fields).map(([k, m]) => `${FIELD_NAMES[k] ?? k} : ${m.join(" ")}`).join(" "));
    }
    throw err;
  }
  const { body, headers } = statsCsvDownload(report, q.table);
  return { status: 200, body, headers: audience === "public" ? { ...headers, "Cache-Control": "public, max-age=300" } : headers };
}
