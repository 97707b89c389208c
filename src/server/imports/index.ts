// CSV imports of beneficiaries, offers and formations: one entry point for the CLI and the
// admin pages.
import type { Database } from "../db/client";
import { importBeneficiaries } from "./beneficiaries";
import { importFormations } from "./formations";
import { importOffers } from "./offers";
import { IMPORT_KINDS, type ImportKind, type ImportOptions, type ImportReport } from "./run";

export { importBeneficiaries } from "./beneficiaries";
export { importOffers } from "./offers";
export { importFormations } from "./formations";
export {
  decodeCsvBytes,
  FORMULA_REASON,
  IMPORT_KINDS,
  ImportFileError,
  type ImportKind,
  type ImportOptions,
  type ImportReport,
  type RejectedLine,
} from "./run";

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  beneficiaries: "bénéficiaires",
  offers: "offres",
  formations: "formations",
};

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

const importers: Record<ImportKind, (db: Database, text: string, opts?: ImportOptions) => Promise<ImportReport>> = {
  beneficiaries: importBeneficiaries,
  offers: importOffers,
  formations: importFormations,
};

/**
 * Imports a CSV text of the given kind. Throws ImportFileError when the file is unusable
 * (unreadable, or a required column missing); otherwise reports each line's outcome.
 */
export function importCsv(db: Database, kind: ImportKind, text: string, opts: ImportOptions = {}): Promise<ImportReport> {
  return importers[kind](db, text, opts);
}
