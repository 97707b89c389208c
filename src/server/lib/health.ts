/**
 * What /api/health answers: whether the database and, when configured, Meilisearch respond.
 * Only "ok" or "unavailable" per part: no versions, engines, hosts or error messages.
 */

export type PartStatus = "ok" | "unavailable";
export type HealthReport = {
  /** "degraded": the app serves (search falls back to the database) but Meilisearch is down */
  status: PartStatus | "degraded";
  database: PartStatus;
  search: PartStatus | "not configured";
};

export type HealthChecks = {
  /** resolves when the database answers a query */
  pingDatabase: () => Promise<unknown>;
  /** MEILI_HOST, or null when search runs on the database */
  meiliHost: string | null;
  fetch?: typeof fetch;
  /** the first call opens the database (a few seconds on PGlite): a longer wait than search */
  databaseTimeoutMs?: number;
  searchTimeoutMs?: number;
};

/** Meilisearch's /health answers {"status":"available"} without a key. */
async function pingMeili(host: string, fetchImpl: typeof fetch, timeoutMs: number): Promise<PartStatus> {
  try {
    const res = await fetchImpl(new URL("/health", host), { signal: AbortSignal.timeout(timeoutMs), cache: "no-store" });
    if (!res.ok) {
      await res.body?.cancel();
      return "unavailable";
    }
    const body = (await res.json()) as { status?: unknown };
    return body.status === "available" ? "ok" : "unavailable";
  } catch {
    return "unavailable";
  }
}

async function pingDatabase(ping: () => Promise<unknown>, timeoutMs: number): Promise<PartStatus> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<PartStatus>((resolve) => {
    timer = setTimeout(() => resolve("unavailable"), timeoutMs);
  });
  try {
    return await Promise.race([ping().then((): PartStatus => "ok", (): PartStatus => "unavailable"), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth({
  pingDatabase: ping,
  meiliHost,
  fetch: fetchImpl = fetch,
  databaseTimeoutMs = 5_000,
  searchTimeoutMs = 1_500,
}: HealthChecks): Promise<HealthReport> {
  const [database, search] = await Promise.all([
    pingDatabase(ping, databaseTimeoutMs),
    meiliHost ? pingMeili(meiliHost, fetchImpl, searchTimeoutMs) : Promise.resolve("not configured" as const),
  ]);
  // without the database nothing works; without Meilisearch searches fall back to the database
  const status = database !== "ok" ? "unavailable" : search === "unavailable" ? "degraded" : "ok";
  return { status, database, search };
}
