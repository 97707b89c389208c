// Rebuilding search indexes from the database (`npm run cli -- search reindex [kind|all]`), one
// kind after the other, with sizes and timings. Each engine rebuilds without downtime:
// Meilisearch fills `<index>_new` and swaps it in (meili.ts); PostgreSQL rebuilds the kind's
// search_documents rows in one transaction (readers see the old rows until it commits).

import { SEARCH_KINDS, type SearchEngine, type SearchKind } from "./types";

export type ReindexTarget = SearchKind | "all";

export function isReindexTarget(value: string): value is ReindexTarget {
  return value === "all" || (SEARCH_KINDS as readonly string[]).includes(value);
}

export function kindsOf(target: ReindexTarget): SearchKind[] {
  return target === "all" ? [...SEARCH_KINDS] : [target];
}

export type ReindexReport = { kind: SearchKind; documents: number; ms: number }[];

export async function reindexSearch(
  engine: Pick<SearchEngine, "name" | "reindex">,
  target: ReindexTarget,
  log: (msg: string) => void = () => {},
  clock: () => number = () => Date.now(),
): Promise<ReindexReport> {
  const report: ReindexReport = [];
  for (const kind of kindsOf(target)) {
    const t0 = clock();
    const { documents } = await engine.reindex(kind);
    const ms = clock() - t0;
    report.push({ kind, documents, ms });
    log(`${kind} : ${documents} document(s) indexé(s) (${engine.name}, ${ms} ms).`);
  }
  return report;
}
