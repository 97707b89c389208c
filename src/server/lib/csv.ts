import { parse } from "csv-parse/sync";

export type CsvTable = { header: string[]; rows: string[][]; delimiter: string };

export class CsvFormatError extends Error {}

/** Guesses the separator from the header line: the one of ; , or tab that splits it most. */
export function detectDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const candidates = [";", ",", "\t"];
  let best = ",";
  let bestCount = 0;
  for (const c of candidates) {
    const count = firstLine.split(c).length - 1;
    if (count > bestCount) {
      best = c;
      bestCount = count;
    }
  }
  return best;
}

/** Parses a CSV text (UTF-8, with or without BOM) into a header and rows of strings. */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): CsvTable {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
    }) as string[][];
  } catch (err) {
    throw new CsvFormatError(`Fichier CSV illisible : ${(err as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header || header.length === 0) throw new CsvFormatError("Fichier CSV vide : la ligne d'en-tête manque");
  return { header: header.map((h) => h.trim()), rows, delimiter };
}

/** Rows as objects keyed by header name. */
export function csvObjects(table: CsvTable): Array<Record<string, string>> {
  return table.rows.map((row) => Object.fromEntries(table.header.map((h, i) => [h, row[i] ?? ""])));
}
