// Backups and restores for both engines (`npm run cli -- db backup|restore FILE`).
// The file's engine is told by its first bytes, so the files stay usable with the standard
// tools: a PostgreSQL backup is a plain `pg_dump --format=custom` archive ("PGDMP"), a PGlite
// backup is the gzip tarball of its data directory (`dumpDataDir("gzip")`, 1f 8b).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { open, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import type { DatabaseConfig, Engine } from "./client";
import { openDatabase, redactUrl } from "./client";

export class BackupError extends Error {}

export type BackupKind = Engine;

export type BackupResult = { engine: Engine; file: string; bytes: number; ms: number; notes: string[] };
export type RestoreResult = BackupResult & { movedAside: string | null };

const ENGINE_LABEL: Record<Engine, string> = { postgres: "PostgreSQL (pg_dump)", pglite: "PGlite (archive du dossier de données)" };
const PGLITE_SINGLE_PROCESS =
  "PGlite n'accepte qu'un seul processus à la fois : arrêtez l'application (npm run start / npm run dev) avant.";

/** Which engine a backup file is for, from its first bytes; null when it is neither. */
export async function detectBackupKind(file: string): Promise<BackupKind | null> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(5);
    const { bytesRead } = await handle.read(head, 0, 5, 0);
    if (bytesRead === 5 && head.toString("latin1") === "PGDMP") return "postgres";
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return "pglite";
    return null;
  } finally {
    await handle.close();
  }
}

export async function backupDatabase(config: DatabaseConfig, file: string, options: { force?: boolean } = {}): Promise<BackupResult> {
  if (existsSync(file) && !options.force) {
    throw new BackupError(`Le fichier ${file} existe déjà : choisissez un autre nom ou ajoutez --force pour l'écraser.`);
  }
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // Written next to the target then renamed: an interrupted backup never leaves a file that looks complete.
  const partial = `${file}.partiel-${process.pid}`;
  const t0 = Date.now();
  const notes: string[] = [];
  try {
    if (config.engine === "postgres") {
      const server = await serverMajorVersion(config.url);
      const client = await toolMajorVersion("pg_dump");
      if (client < server) {
        throw new BackupError(
          `pg_dump ${client} est plus ancien que le serveur PostgreSQL ${server} : il refuserait la sauvegarde. ` +
            `Installez le client PostgreSQL ${server} (paquet postgresql-client-${server}) ou placez son pg_dump en tête du PATH.`,
        );
      }
      notes.push(`pg_dump ${client}, serveur PostgreSQL ${server}`);
      await runTool("pg_dump", ["--format=custom", "--no-password", `--file=${partial}`], config.url);
    } else {
      const dataDir = pgliteDataDir(config);
      if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
        throw new BackupError(`Aucune base PGlite dans ${dataDir} (PGLITE_DIR) : rien à sauvegarder.`);
      }
      const handle = await openPglite(dataDir);
      try {
        const pglite = (handle as unknown as { pglite: { dumpDataDir: (c: "gzip") => Promise<Blob> } }).pglite;
        const blob = await pglite.dumpDataDir("gzip");
        await writeFile(partial, Buffer.from(await blob.arrayBuffer()));
      } finally {
        await handle.close();
      }
    }
    await rename(partial, file);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
  return { engine: config.engine, file, bytes: statSync(file).size, ms: Date.now() - t0, notes };
}

export async function restoreDatabase(config: DatabaseConfig, file: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
  if (!existsSync(file)) throw new BackupError(`Fichier introuvable : ${file}`);
  const kind = await detectBackupKind(file);
  if (kind === null) {
    throw new BackupError(`${file} n'est pas une sauvegarde reconnue (ni archive pg_dump, ni archive PGlite).`);
  }
  if (kind !== config.engine) {
    throw new BackupError(
      `${file} est une sauvegarde ${ENGINE_LABEL[kind]} : elle ne peut pas être restaurée dans ${ENGINE_LABEL[config.engine].split(" ")[0]}. ` +
        `Restaurez-la avec le même moteur que celui qui l'a produite (DATABASE_URL pour PostgreSQL, PGLITE_DIR pour PGlite).`,
    );
  }
  const t0 = Date.now();
  const bytes = statSync(file).size;
  if (config.engine === "postgres") {
    await restorePostgres(config.url, file, options.force === true);
    return { engine: "postgres", file, bytes, ms: Date.now() - t0, notes: [], movedAside: null };
  }
  const movedAside = await restorePglite(pgliteDataDir(config), file, options.force === true);
  return { engine: "pglite", file, bytes, ms: Date.now() - t0, notes: [], movedAside };
}

// ---------------------------------------------------------------- PostgreSQL

async function restorePostgres(url: string, file: string, force: boolean) {
  const tables = await userTableCount(url);
  if (tables > 0 && !force) {
    throw new BackupError(
      `La base ${redactUrl(url)} n'est pas vide (${tables} tables) : la restauration remplacerait ses données. ` +
        `Ajoutez --force pour la remplacer par le contenu de la sauvegarde.`,
    );
  }
  const server = await serverMajorVersion(url);
  const client = await toolMajorVersion("pg_restore");
  if (client < server) {
    throw new BackupError(
      `pg_restore ${client} est plus ancien que le serveur PostgreSQL ${server}. ` +
        `Installez le client PostgreSQL ${server} (paquet postgresql-client-${server}) ou placez son pg_restore en tête du PATH.`,
    );
  }
  // The whole archive is read once before anything is touched: a truncated or damaged file
  // fails here, with the database intact.
  await runTool("pg_restore", ["--file=/dev/null", file], null, (stderr) => `Sauvegarde illisible ou tronquée (${file}) : ${stderr}`);
  // One transaction: either the database is entirely the backup's, or it is left as it was.
  await runTool(
    "pg_restore",
    ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--no-password", file],
    url,
    (stderr) => `La restauration a échoué, la base est inchangée : ${stderr}`,
  );
}

/** Tables of the database, not counting the ones extensions create (PostGIS's spatial_ref_sys). */
async function userTableCount(url: string): Promise<number> {
  const rows = await pgQuery<{ n: number }>(
    url,
    `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
        and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')`,
  );
  return rows[0]!.n;
}

async function serverMajorVersion(url: string): Promise<number> {
  const rows = await pgQuery<{ v: string }>(url, "select current_setting('server_version_num') as v");
  return Math.floor(Number(rows[0]!.v) / 10000);
}

async function pgQuery<T>(url: string, text: string): Promise<T[]> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (err) {
    throw new BackupError(`Impossible de joindre PostgreSQL (${redactUrl(url)}) : ${(err as Error).message}`);
  }
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function toolMajorVersion(tool: "pg_dump" | "pg_restore"): Promise<number> {
  const out = await runTool(tool, ["--version"], null);
  const m = /(\d+)(?:\.\d+)?/.exec(out.replace(/^[^)]*\)/, ""));
  if (!m) throw new BackupError(`Version de ${tool} illisible : ${out.trim()}`);
  return Number(m[1]);
}

/**
 * Runs pg_dump / pg_restore from the PATH. The connection goes through libpq's environment
 * (PGPASSWORD…) rather than the command line, so the password never shows in `ps`.
 */
function runTool(tool: string, args: string[], url: string | null, explain?: (stderr: string) => string): Promise<string> {
  const env = { ...process.env };
  const fullArgs = [...args];
  if (url) {
    const u = new URL(url);
    if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
    u.password = "";
    fullArgs.push(`--dbname=${u.toString()}`);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(tool, fullArgs, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", (err: NodeJS.ErrnoException) =>
      reject(
        new BackupError(
          err.code === "ENOENT"
            ? `${tool} est introuvable dans le PATH : installez le client PostgreSQL (paquet postgresql-client).`
            : `${tool} n'a pas pu être lancé : ${err.message}`,
        ),
      ),
    );
    child.on("close", (code) => {
      if (code === 0) return resolve(stdout);
      const detail = stderr.trim().split("\n").filter(Boolean).slice(0, 3).join(" / ") || `code de sortie ${code}`;
      reject(new BackupError(explain ? explain(detail) : `${tool} a échoué : ${detail}`));
    });
  });
}

// ---------------------------------------------------------------- PGlite

function pgliteDataDir(config: Extract<DatabaseConfig, { engine: "pglite" }>): string {
  if (config.dataDir === "" || config.dataDir === "memory://") {
    throw new BackupError("PGlite en mémoire : pas de dossier de données à sauvegarder ou restaurer (PGLITE_DIR).");
  }
  return config.dataDir;
}

function openPglite(dataDir: string, loadDataDir?: Blob) {
  return openDatabase({ engine: "pglite", dataDir, loadDataDir }).catch((err: Error) => {
    throw new BackupError(`Impossible d'ouvrir la base PGlite ${dataDir} : ${err.message}. ${PGLITE_SINGLE_PROCESS}`);
  });
}

/**
 * Checks the whole archive (gzip intact, tar complete, a PostgreSQL data directory inside)
 * before anything is touched; PGlite would otherwise load a truncated archive silently.
 */
export function checkPgliteArchive(archive: Buffer, file: string): void {
  let tar: Buffer;
  try {
    tar = gunzipSync(archive);
  } catch (err) {
    throw new BackupError(`Sauvegarde PGlite illisible ou tronquée (${file}) : ${(err as Error).message}`);
  }
  let offset = 0;
  let hasVersion = false;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break; // end-of-archive blocks
    const name = header.subarray(0, 100).toString("utf8").replace(/\0.*$/s, "");
    const size = parseInt(header.subarray(124, 136).toString("latin1").replace(/\0.*$/s, "").trim() || "0", 8);
    if (Number.isNaN(size)) break;
    if (/(^|\/)PG_VERSION$/.test(name)) hasVersion = true;
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  if (hasVersion && offset <= tar.length) return;
  throw new BackupError(
    hasVersion
      ? `Sauvegarde PGlite tronquée (${file}) : l'archive s'arrête avant sa fin.`
      : `${file} n'est pas une sauvegarde PGlite (aucun dossier de données PostgreSQL dans l'archive).`,
  );
}

async function restorePglite(dataDir: string, file: string, force: boolean): Promise<string | null> {
  const nonEmpty = existsSync(dataDir) && readdirSync(dataDir).length > 0;
  if (nonEmpty && !force) {
    throw new BackupError(
      `Le dossier ${dataDir} contient déjà une base : ajoutez --force pour la restaurer quand même ` +
        `(l'ancien dossier est gardé à côté, renommé). ${PGLITE_SINGLE_PROCESS}`,
    );
  }
  const archive = await readFile(file);
  checkPgliteArchive(archive, file);
  // Loaded and opened in a fresh folder first: the current base is moved aside only once the
  // backup is known to open.
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const staging = `${dataDir}.restauration-${stamp}`;
  mkdirSync(staging, { recursive: true });
  try {
    const handle = await openPglite(staging, new Blob([archive]));
    try {
      await handle.db.execute(sql`select count(*) from pg_class`);
    } finally {
      await handle.close();
    }
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  let movedAside: string | null = null;
  if (existsSync(dataDir)) {
    if (nonEmpty) {
      movedAside = `${dataDir}.before-restore-${stamp}`;
      renameSync(dataDir, movedAside);
    } else {
      rmSync(dataDir, { recursive: true, force: true }); // an empty folder
    }
  }
  renameSync(staging, dataDir);
  return movedAside;
}
