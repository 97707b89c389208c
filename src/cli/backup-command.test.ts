import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UsageError } from "./args";
import { backupCommand, checkBackupArgs, describeTarget, formatBytes } from "./backup-command";

const tmp = mkdtempSync(path.join(tmpdir(), "emploi-backup-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("checkBackupArgs", () => {
  it("accepts a backup to a new file and a restore of an existing one, with --force", () => {
    const existing = path.join(tmp, "s.dump");
    writeFileSync(existing, "PGDMP");
    expect(checkBackupArgs("backup", path.join(tmp, "nouveau.dump"), {})).toEqual({ action: "backup", file: path.join(tmp, "nouveau.dump"), force: false });
    expect(checkBackupArgs("restore", existing, { force: true })).toEqual({ action: "restore", file: existing, force: true });
  });

  it("refuses a missing file name, a restore of a missing file and `--force FILE`", () => {
    expect(() => checkBackupArgs("backup", undefined, {})).toThrow(/Fichier manquant/);
    expect(() => checkBackupArgs("restore", path.join(tmp, "absent.dump"), {})).toThrow(/Fichier introuvable/);
    expect(() => checkBackupArgs("restore", undefined, { force: "x.dump" })).toThrow(/--force ne prend pas de valeur/);
    expect(() => checkBackupArgs("dump", "x", {})).toThrow(UsageError);
  });
});

describe("output", () => {
  it("formats sizes in French units", () => {
    expect(formatBytes(512)).toBe("512 o");
    expect(formatBytes(1536)).toBe("1,5 Ko");
    expect(formatBytes(46 * 1024 * 1024)).toBe("46,0 Mo");
  });

  it("never prints the PostgreSQL password", () => {
    expect(describeTarget({ engine: "postgres", url: "postgres://app:secret@db:5432/emploi" })).not.toContain("secret");
  });

  it("refuses to back up a PGlite folder that holds no base, saying the app must be stopped", async () => {
    const lines: string[] = [];
    const args = { action: "backup" as const, file: path.join(tmp, "b.tar.gz"), force: false };
    await expect(backupCommand({ engine: "pglite", dataDir: path.join(tmp, "vide") }, args, (l) => lines.push(l))).rejects.toThrow(/Aucune base PGlite/);
    expect(lines.join("\n")).toMatch(/l'application doit être arrêtée/);
  });
});
