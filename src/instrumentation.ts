// Next.js instrumentation hook: runs once when a server process starts.
// Starts the background jobs on pg-boss (notifications and reminders, delivery, search
// indexing, data retention: src/server/jobs/boss.ts) in the Node.js runtime only, never while
// `next build` collects pages. Several instances may run them: pg-boss runs each queue once at
// a time, and row claims (`for update skip locked`) make sure nothing is sent twice. Then reads
// the admins' instance settings into memory (loadInstanceConfig() merges them over the instance file).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startJobs } = await import("./server/jobs/boss");
  void startJobs();
  // The admins' instance settings (stored over the instance file) before the first page.
  // Without a database (a wrong DATABASE_URL, the server down) the process still starts: pages
  // then say the service is down and /api/health answers 503 until the database answers.
  const [{ databaseIfAvailable }, { refreshInstanceSettings }] = await Promise.all([import("./server/db"), import("./server/instance/settings")]);
  const db = await databaseIfAvailable();
  if (db) await refreshInstanceSettings(db).catch((err) => console.error("Réglages de l'instance illisibles au démarrage :", err));
}
