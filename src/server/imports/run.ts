// What the three CSV imports share: reading the file, matching columns by header name, the
// line loop (blank lines, duplicated ids, formula guard, one outcome per line), the report,
// and the reference look-ups each line needs (places, job and skill codes, territories).
import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { inArray } from "drizzle-orm";
import type { Database } from "../db/client";
import { detectDelimiter } from "../lib/csv";
import { resolvePlace, type Place, type PlaceResult } from "../referentials/places";
import { resolveJobCodes } from "../referentials/queries";
import { romeSkills } from "../referentials/schema";
import { territoryOfCommune } from "../instance/territories";
import {
  isFormulaLike,
  parseCommuneCode,
  parseExternalId,
  parseJobCodes,
  parseNumber,
  parseSkillCodes,
  parseText,
  type Cell,
} from "./fields";
import { NOT_UTF8 } from "./models";

export const IMPORT_KINDS = ["beneficiaries", "offers", "formations"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type RejectedLine = { line: number; reason: string };
export type ImportReport = {
  created: number;
  updated: number;
  unchanged: number;
  rejected: RejectedLine[];
  /** ids of the rows this import created (empty in a dry run), e.g. to assign new people at once */
  createdIds: string[];
};
export type ImportOptions = {
  /** check every line (places and codes included) and count, but write nothing */
  dryRun?: boolean;
  /** where remarks for the operator go (ignored columns…); nothing by default */
  log?: (message: string) => void;
  /** told the lines checked so far and the file's total, every few hundred lines and at the end */
  onProgress?: (checked: number, total: number) => void | Promise<void>;
};

/** How often (in lines) an import reports its progress. */
export const PROGRESS_EVERY = 250;

/** The file as a whole cannot be imported (unreadable, or a required column is missing). */
export class ImportFileError extends Error {}

/** One line is refused; the message is the reason shown in the report. */
export class LineRejection extends Error {}

export const FORMULA_REASON = "contenu refusé : une cellule commence par =, +, - ou @ (formule de tableur)";

export type Outcome = "created" | "updated" | "unchanged";
/** What a line did; a real creation names the new row. */
export type LineResult = Outcome | { outcome: "created"; id: string };

/** Columns of one kind of file. `anyOf` lists alternatives: one of the column sets must all be present. */
export type ColumnSpec = {
  known: readonly string[];
  required: readonly string[];
  anyOf: ReadonlyArray<{ sets: ReadonlyArray<readonly string[]>; label: string }>;
};

export const PLACE_COLUMNS = ["commune_insee", "postcode", "commune_name", "latitude", "longitude"] as const;
export const PLACE_REQUIREMENT = {
  sets: [["commune_insee"], ["postcode"], ["latitude", "longitude"]],
  label: "commune_insee, postcode ou latitude et longitude (le lieu)",
} as const;

/** Decodes file bytes as UTF-8, refusing other encodings rather than importing garbled accents. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFileError(NOT_UTF8);
  }
}

/** Header names compared as written by people: trimmed, case-insensitive, spaces and dashes as underscores. */
export function normaliseHeader(name: string): string {
  return name.replace(/^\uFEFF/, "").trim().toLowerCase().replace(/[\s-]+/g, "_");
}

type Table = { columns: Map<string, number>; headerWidth: number; ignored: string[]; records: string[][] };

/**
 * Parses the text and maps the header to known columns. Throws ImportFileError when the file
 * is unreadable, empty, has a column twice or lacks a required one.
 */
export function readTable(text: string, spec: ColumnSpec): Table {
  let records: string[][];
  try {
    // Empty lines are kept (and skipped later) so that line numbers match the spreadsheet's rows.
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: false,
    }) as string[][];
  } catch (err) {
    throw new ImportFileError(`Fichier CSV illisible : ${(err as Error).message}`);
  }
  const header = records[0];
  if (!header || header.every((h) => h.trim() === "")) {
    throw new ImportFileError("Fichier vide : la ligne d'en-tête (noms des colonnes) manque.");
  }
  const columns = new Map<string, number>();
  const ignored: string[] = [];
  header.forEach((raw, i) => {
    const name = normaliseHeader(raw);
    if (name === "") return;
    if (!spec.known.includes(name)) {
      ignored.push(raw.trim());
      return;
    }
    if (columns.has(name)) throw new ImportFileError(`La colonne ${name} apparaît deux fois dans l'en-tête.`);
    columns.set(name, i);
  });
  const missing = spec.required.filter((c) => !columns.has(c));
  for (const alt of spec.anyOf) {
    if (!alt.sets.some((set) => set.every((c) => columns.has(c)))) missing.push(alt.label);
  }
  if (missing.length) {
    const all = header.map((h) => h.trim()).filter(Boolean).join(", ");
    // a wrong separator makes the whole header one long "column": said, and cut short
    const found = all.length > 300 ? `${all.slice(0, 300)}…` : all;
    const oneColumn = header.filter((h) => h.trim()).length === 1 && /[|:,;\t]/.test(all);
    throw new ImportFileError(
      `Colonne${missing.length > 1 ? "s" : ""} obligatoire${missing.length > 1 ? "s" : ""} manquante${missing.length > 1 ? "s" : ""} : ${missing.join(" ; ")}. Colonnes trouvées : ${found || "aucune"}.${
        oneColumn ? " L'en-tête n'a qu'une colonne : le séparateur n'est sans doute pas le bon (enregistrez le fichier en CSV avec des points-virgules ou des virgules)." : ""
      }`,
    );
  }
  return { columns, headerWidth: header.length, ignored, records: records.slice(1) };
}

/** One record of the file, with the errors found in it so far. */
export class CsvLine {
  readonly errors: string[] = [];
  constructor(
    readonly number: number,
    private readonly cells: ReadonlyMap<string, string>,
  ) {}

  /** The trimmed cell, or null when the column is absent or the cell empty. */
  text(column: string): string | null {
    const v = this.cells.get(column)?.trim() ?? "";
    return v === "" ? null : v;
  }

  /** The parsed cell, null when empty; a parse failure is recorded and gives null. */
  optional<T>(column: string, parser: (value: string) => Cell<T>): T | null {
    const v = this.text(column);
    if (v === null) return null;
    const r = parser(v);
    if (r.ok) return r.value;
    this.errors.push(`${column} : ${r.reason}`);
    return null;
  }

  /** The same, but an empty cell is an error too. */
  required<T>(column: string, parser: (value: string) => Cell<T>, missing = `${column} manquant`): T | null {
    if (this.text(column) === null) {
      this.errors.push(missing);
      return null;
    }
    return this.optional(column, parser);
  }

  error(reason: string): void {
    this.errors.push(reason);
  }

  /** Throws the line's rejection when any error was recorded. */
  check(): void {
    if (this.errors.length) throw new LineRejection(this.errors.join(" ; "));
  }
}

/** Per-import memory of reference look-ups: a caseload repeats the same communes and jobs. */
export class ImportContext {
  private places = new Map<string, Promise<PlaceResult>>();
  private jobs = new Map<string, { romeCode: string; ogrCode: number | null; label: string } | null>();
  private skills = new Map<number, boolean>();
  private territories = new Map<string, Promise<string | null>>();

  constructor(
    readonly db: Database,
    readonly dryRun: boolean,
  ) {}

  /** Reads and resolves the place columns; records the reason and gives null when it fails. */
  async place(line: CsvLine): Promise<Place | null> {
    const before = line.errors.length;
    const communeInsee = line.optional("commune_insee", (v) => parseCommuneCode(v, "code INSEE"));
    const postcode = line.optional("postcode", (v) => parseCommuneCode(v, "code postal"));
    const communeName = line.optional("commune_name", (v) => parseText(v, 100));
    const lat = line.optional("latitude", (v) => parseNumber(v, { min: -90, max: 90 }));
    const lng = line.optional("longitude", (v) => parseNumber(v, { min: -180, max: 180 }));
    if ((line.text("latitude") === null) !== (line.text("longitude") === null)) {
      line.error("lieu : latitude et longitude vont ensemble (l'une des deux manque)");
    }
    if (line.errors.length > before) return null;
    if (communeInsee === null && postcode === null && lat === null) {
      line.error("lieu manquant : indiquez commune_insee, ou postcode (et commune_name si besoin), ou latitude et longitude");
      return null;
    }
    const input = { communeInsee, postcode, communeName, lat, lng };
    const key = JSON.stringify(input);
    let pending = this.places.get(key);
    if (!pending) {
      pending = resolvePlace(this.db, input);
      this.places.set(key, pending);
    }
    const r = await pending;
    if (!r.ok) {
      line.error(`lieu : ${r.reason}`);
      return null;
    }
    return r.place;
  }

  /** Reads a job-code column and resolves each code; unknown codes are named in the error. */
  async jobCodes(line: CsvLine, column: string, required: boolean) {
    const codes = required
      ? line.required(column, parseJobCodes, `${column} manquant : au moins un métier (code ROME comme J1501 ou code OGR comme 10891)`)
      : line.optional(column, parseJobCodes);
    if (!codes) return null;
    if (codes.length === 0) {
      if (required) line.error(`${column} manquant : au moins un métier`);
      return required ? null : [];
    }
    const toFetch = codes.filter((c) => !this.jobs.has(c));
    if (toFetch.length) {
      const found = await resolveJobCodes(this.db, toFetch);
      for (const c of toFetch) this.jobs.set(c, found.get(c) ?? null);
    }
    const unknown = codes.filter((c) => this.jobs.get(c) === null);
    if (unknown.length) {
      line.error(`${column} : code${unknown.length > 1 ? "s" : ""} métier inconnu${unknown.length > 1 ? "s" : ""} du ROME : ${unknown.join(", ")}`);
      return null;
    }
    return codes.map((c) => ({ code: c, ...this.jobs.get(c)! }));
  }

  /** Reads a skill-code column and checks every code exists in the ROME. */
  async skillCodes(line: CsvLine, column: string): Promise<number[]> {
    const codes = line.optional(column, parseSkillCodes);
    if (!codes || codes.length === 0) return [];
    const toFetch = codes.filter((c) => !this.skills.has(c));
    if (toFetch.length) {
      const known = await existingSkillCodes(this.db, toFetch);
      for (const c of toFetch) this.skills.set(c, known.has(c));
    }
    const unknown = codes.filter((c) => !this.skills.get(c));
    if (unknown.length) {
      line.error(`${column} : code${unknown.length > 1 ? "s" : ""} de compétence inconnu${unknown.length > 1 ? "s" : ""} du ROME : ${unknown.join(", ")}`);
    }
    return codes.filter((c) => this.skills.get(c));
  }

  territory(insee: string): Promise<string | null> {
    let pending = this.territories.get(insee);
    if (!pending) {
      pending = territoryOfCommune(this.db, insee);
      this.territories.set(insee, pending);
    }
    return pending;
  }
}

/** Which of these ROME skill codes (OGR) exist. */
export async function existingSkillCodes(db: Database, codes: number[]): Promise<Set<number>> {
  if (codes.length === 0) return new Set();
  const rows = await db.select({ code: romeSkills.ogrCode }).from(romeSkills).where(inArray(romeSkills.ogrCode, codes));
  return new Set(rows.map((r) => r.code));
}

/** JSON with object keys sorted, so the same values always give the same text. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
}

/** sha-256 of everything a line writes (its parsed and resolved values, never its line number). */
export function importHash(kind: ImportKind, values: unknown): string {
  return createHash("sha256").update(`${kind}:v1:`).update(stableStringify(values)).digest("hex");
}

/**
 * Runs an import: every record is checked for shape (extra cells, formula-like content, a
 * usable and unique external_id), then handed to `processLine`, which parses it, resolves it
 * and writes it (or not, in a dry run). A rejected line never stops the others.
 */
export async function runImport(
  db: Database,
  text: string,
  spec: ColumnSpec,
  opts: ImportOptions,
  processLine: (line: CsvLine, externalId: string, ctx: ImportContext) => Promise<LineResult>,
): Promise<ImportReport> {
  const log = opts.log ?? (() => {});
  const table = readTable(text, spec);
  if (table.ignored.length) log(`Colonnes ignorées (inconnues) : ${table.ignored.join(", ")}`);
  const ctx = new ImportContext(db, opts.dryRun === true);
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0, rejected: [], createdIds: [] };
  const seen = new Map<string, number>();
  const total = table.records.length;
  await opts.onProgress?.(0, total);

  for (let i = 0; i < table.records.length; i++) {
    if (i > 0 && i % PROGRESS_EVERY === 0) await opts.onProgress?.(i, total);
    const record = table.records[i]!;
    const number = i + 2; // the header is line 1
    if (record.every((c) => c.trim() === "")) continue;
    const reject = (reason: string) => report.rejected.push({ line: number, reason });

    const cells = new Map<string, string>();
    for (const [name, index] of table.columns) cells.set(name, record[index] ?? "");

    if (record.slice(table.headerWidth).some((c) => c.trim() !== "")) {
      reject(
        `la ligne a ${record.length} cellules alors que l'en-tête a ${table.headerWidth} colonnes (une valeur contenant le séparateur doit être entre guillemets)`,
      );
      continue;
    }
    const formulaColumn = [...cells].find(([, v]) => isFormulaLike(v));
    if (formulaColumn) {
      reject(`${FORMULA_REASON} — colonne ${formulaColumn[0]}`);
      continue;
    }
    const line = new CsvLine(number, cells);
    const externalId = line.required("external_id", parseExternalId);
    if (externalId === null) {
      reject(line.errors.join(" ; "));
      continue;
    }
    const first = seen.get(externalId);
    if (first !== undefined) {
      reject(`external_id ${externalId} déjà vu ligne ${first}`);
      continue;
    }
    seen.set(externalId, number);

    try {
      const result = await processLine(line, externalId, ctx);
      if (typeof result === "string") report[result]++;
      else {
        report.created++;
        report.createdIds.push(result.id);
      }
    } catch (err) {
      if (err instanceof LineRejection) reject(err.message);
      else {
        // the driver's own error (Drizzle's message is the whole query with its values)
        const cause = (err as { cause?: unknown }).cause;
        const detail = cause instanceof Error ? cause.message : (err as Error).message;
        log(`Ligne ${number} : erreur à l'écriture : ${detail}`);
        reject(`erreur à l'enregistrement (rien n'a été écrit pour cette ligne) : ${detail}`);
      }
    }
  }
  await opts.onProgress?.(total, total);
  return report;
}
