// `db backup FILE [--force]` and `db restore FILE [--force]`: see src/server/db/backup.ts.
import { existsSync } from "node:fs";
import type { DatabaseConfig } from "../server/db/client";
import { redactUrl } from "../server/db/client";
import { backupDatabase, restoreDatabase } from "../server/db/backup";
import { UsageError } from "./args";

export type BackupArgs = { action: "backup" | "restore"; file: string; force: boolean };

/** Checked before any database is touched: action, file given (and present for a restore). */
export function checkBackupArgs(action: string | undefined, file: string | undefined, options: Record<string, string | true>): BackupArgs {
  if (action !== "backup" && action !== "restore") throw new UsageError(`Action inconnue : db ${action ?? ""}`);
  // `--force FILE` would read FILE as the value of --force
  if (typeof options.force === "string") throw new UsageError("--force ne prend pas de valeur : écrivez « db " + action + " FICHIER --force ».");
  if (!file) throw new UsageError(`Fichier manquant : npm run cli -- db ${action} FICHIER${action === "restore" ? " [--force]" : ""}`);
  if (action === "restore" && !existsSync(file)) throw new UsageError(`Fichier introuvable : ${file}`);
  return { action, file, force: options.force === true };
}

export function describeTarget(config: DatabaseConfig): string {
  return config.engine === "postgres" ? `PostgreSQL ${redactUrl(config.url)}` : `PGlite (${config.dataDir})`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1).replace(".", ",")} Ko`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1).replace(".", ",")} Mo`;
  return `${(bytes / 1024 ** 3).toFixed(2).replace(".", ",")} Go`;
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1).replace(".", ",")} s`;
}

export async function backupCommand(config: DatabaseConfig, args: BackupArgs, log: (msg: string) => void): Promise<void> {
  log(`Base : ${describeTarget(config)}`);
  if (config.engine === "pglite") log("PGlite : l'application doit être arrêtée pendant l'opération (un seul processus à la fois).");
  if (args.action === "backup") {
    const r = await backupDatabase(config, args.file, { force: args.force });
    for (const n of r.notes) log(n);
    log(`Sauvegarde écrite : ${r.file} (${formatBytes(r.bytes)}, ${formatMs(r.ms)}).`);
    return;
  }
  const r = await restoreDatabase(config, args.file, { force: args.force });
  log(`Restauration terminée depuis ${r.file} (${formatBytes(r.bytes)}, ${formatMs(r.ms)}).`);
  if (r.movedAside) log(`L'ancienne base est conservée dans ${r.movedAside} (à supprimer une fois la restauration vérifiée).`);
}
