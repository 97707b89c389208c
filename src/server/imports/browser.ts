// Imports from the admin pages: a dry run first (the preview), then the real import of the
// very file that was previewed, checked by its checksum.
import { createHash } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "../audit/record";
import type { Database } from "../db/client";
import { FieldErrors } from "../lib/field-errors";
import { importCsv } from "./index";
import { MAX_IMPORT_BYTES, TOO_LARGE } from "./models";
import { IMPORT_KINDS, ImportFileError, type ImportKind, type ImportReport } from "./run";

export { MAX_IMPORT_BYTES, TOO_LARGE } from "./models";
export const FILE_CHANGED =
  "Ce fichier n'est pas celui qui a été vérifié (il a changé depuis). Cliquez de nouveau sur « Vérifier le fichier » avant d'importer.";

const kind = z.enum(IMPORT_KINDS, { error: "Choisissez le type de fichier : bénéficiaires, offres ou formations." });
const text = z
  .string({ error: "Choisissez un fichier CSV." })
  .max(MAX_IMPORT_BYTES, TOO_LARGE)
  .refine((t) => Buffer.byteLength(t, "utf8") <= MAX_IMPORT_BYTES, TOO_LARGE)
  .refine((t) => t.trim() !== "", "Le fichier est vide.");

export const previewImportInput = z.object({
  kind,
  text,
  /** chosen by the page to ask previewProgress how far the check has gone */
  progressId: z.uuid().optional(),
});
export const runImportInput = z.object({
  kind,
  text,
  checksum: z.string().regex(/^[0-9a-f]{64}$/, "Vérifiez le fichier avant de l'importer."),
});

/** sha-256 of the kind and the text: the same file of the same kind gives the same checksum. */
export function importChecksum(kind: ImportKind, text: string): string {
  return createHash("sha256").update(`${kind}\n`).update(text, "utf8").digest("hex");
}

export type ImportPreview = ImportReport & { checksum: string };

/** An unusable file is a message on the form's file field, not a server error. */
async function importOrFieldError(
  db: Database,
  kind: ImportKind,
  text: string,
  dryRun: boolean,
  onProgress?: (checked: number, total: number) => void | Promise<void>,
): Promise<ImportReport> {
  try {
    return await importCsv(db, kind, text, { dryRun, onProgress });
  } catch (err) {
    if (err instanceof ImportFileError) throw new FieldErrors({ text: [err.message] });
    throw err;
  }
}

// How far each running preview has gone, for the page that waits for it (a 50,000-line file
// takes half a minute). Kept in this process's memory: the page asks the process that runs
// its preview (one app process; behind several, the page says "Vérification…" without numbers).
type Progress = { userId: string; checked: number; total: number; at: number };
const progressById = new Map<string, Progress>();
const PROGRESS_KEPT_MS = 10 * 60_000;

function forgetOldProgress(now: number) {
  for (const [id, p] of progressById) if (now - p.at > PROGRESS_KEPT_MS) progressById.delete(id);
}

/** Lines checked and the total of a preview running for this user (null: unknown, or someone else's). */
export function previewProgress(userId: string, progressId: string): { checked: number; total: number } | null {
  const p = progressById.get(progressId);
  return p && p.userId === userId ? { checked: p.checked, total: p.total } : null;
}

/** Checks every line and counts what would be created, updated, left alone or refused; writes nothing. */
export async function previewImport(
  db: Database,
  kind: ImportKind,
  text: string,
  progress?: { userId: string; progressId: string },
): Promise<ImportPreview> {
  forgetOldProgress(Date.now());
  const onProgress = progress
    ? async (checked: number, total: number) => {
        progressById.set(progress.progressId, { userId: progress.userId, checked, total, at: Date.now() });
        // on the embedded database the whole check is in-process: let the page's question in
        await new Promise((resolve) => setImmediate(resolve));
      }
    : undefined;
  try {
    const report = await importOrFieldError(db, kind, text, true, onProgress);
    return { ...report, checksum: importChecksum(kind, text) };
  } finally {
    if (progress) progressById.delete(progress.progressId);
  }
}

/**
 * Imports the previewed file. Each line is written in its own transaction by the importer, so
 * a refused line leaves the others whole and a line is never half-written.
 */
export async function runCheckedImport(
  db: Database,
  actorId: string,
  input: { kind: ImportKind; text: string; checksum: string },
): Promise<ImportReport> {
  if (importChecksum(input.kind, input.text) !== input.checksum) throw new FieldErrors({ checksum: [FILE_CHANGED] });
  const report = await importOrFieldError(db, input.kind, input.text, false);
  await recordAudit(db, {
    actorId,
    action: "import.run",
    subjectType: "import",
    details: {
      kind: input.kind,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      rejected: report.rejected.length,
    },
  });
  return report;
}
