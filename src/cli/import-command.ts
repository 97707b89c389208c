// `npm run cli -- import beneficiaries|offers|formations FILE [--dry-run]`: standard output
// carries only the JSON report; everything for people goes to standard error.
import { existsSync, readFileSync, statSync } from "node:fs";
import type { Database } from "../server/db/client";
import { decodeCsvBytes, importCsv, IMPORT_KIND_LABELS, IMPORT_KINDS, isImportKind, type ImportKind } from "../server/imports";
import { UsageError } from "./args";

const log = (msg: string) => process.stderr.write(`${msg}\n`);

/** Checks the kind and the file (call it before opening the database); returns the kind. */
export function checkImportArgs(kind: string, file: string | undefined): ImportKind {
  if (!isImportKind(kind)) throw new UsageError(`Type d'import inconnu : ${kind} (attendu : ${IMPORT_KINDS.join(", ")})`);
  if (!file) throw new UsageError(`Indiquez le fichier à importer : npm run cli -- import ${kind} FICHIER.csv [--dry-run]`);
  if (!existsSync(file) || !statSync(file).isFile()) throw new Error(`Fichier introuvable : ${file}`);
  return kind;
}

export async function importCommand(db: Database, kind: string, file: string, dryRun: boolean): Promise<void> {
  const importKind = checkImportArgs(kind, file);
  const text = decodeCsvBytes(readFileSync(file));
  log(`Import des ${IMPORT_KIND_LABELS[importKind]} depuis ${file}${dryRun ? " (simulation : rien ne sera écrit)" : ""}…`);
  const t0 = Date.now();
  const report = await importCsv(db, importKind, text, { dryRun, log });
  const would = dryRun ? "seraient " : "";
  log(
    `${report.created} ${would}créés, ${report.updated} ${would}mis à jour, ${report.unchanged} inchangés, ` +
      `${report.rejected.length} lignes refusées (${Date.now() - t0} ms).`,
  );
  await new Promise<void>((resolve, reject) =>
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`, (err) => (err ? reject(err) : resolve())),
  );
}
