import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { DatabaseHandle } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { loadInstanceConfig } from "../config/config";
import { syncTerritories } from "../instance/territories";
import { importReferenceData } from "../referentials/import";

/**
 * What a prepared test database depends on: the migrations, the reference files, the
 * instance configuration and the code that loads them. A change to any rebuilds it.
 */
export function fixtureFingerprint(root = process.cwd()): string {
  const h = createHash("sha256");
  const files = [
    ...listFiles(path.join(root, "drizzle")),
    ...listFiles(path.join(root, "data")),
    ...listFiles(path.join(root, "instance")),
    path.join(root, "src/server/referentials/import.ts"),
    path.join(root, "src/server/instance/territories.ts"),
  ];
  for (const f of files.sort()) {
    h.update(path.relative(root, f));
    h.update(readFileSync(f));
  }
  return h.digest("hex").slice(0, 16);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

/** Migrates and loads the reference data and the default instance's territories. */
export async function prepareFixture(handle: DatabaseHandle): Promise<void> {
  await migrateDatabase(handle);
  await importReferenceData(handle.db);
  await syncTerritories(handle.db, loadInstanceConfig());
}
