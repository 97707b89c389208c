import { defineConfig } from "vitest/config";

// Three projects: pure unit tests, and the database suite (`*.db.test.ts`) run once on
// embedded PGlite and once on PostgreSQL + PostGIS when TEST_DATABASE_URL is set.
const dbProject = (engine: "pglite" | "postgres") => ({
  extends: true as const,
  test: {
    name: `db-${engine}`,
    // run one engine after the other (and after the unit tests): two PGlite or PostgreSQL
    // suites at once would fight for the two cores
    sequence: { groupOrder: engine === "pglite" ? 1 : 2 },
    include: ["src/**/*.db.test.ts"],
    env: { TEST_ENGINE: engine },
    globalSetup: ["src/server/testing/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // PGlite is single-threaded wasm per file; two files at a time suits a 2-core machine.
    maxWorkers: 2,
  },
});

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    setupFiles: ["src/server/testing/fast-check-setup.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          include: ["src/**/*.test.{ts,tsx}"],
          exclude: ["src/**/*.db.test.ts", "node_modules/**"],
          testTimeout: 30_000,
        },
      },
      dbProject("pglite"),
      ...(process.env.TEST_DATABASE_URL ? [dbProject("postgres")] : []),
    ],
  },
});
