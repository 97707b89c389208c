/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "server-module-cycle",
      severity: "error",
      comment: "src/server modules form a one-way graph (table definitions excluded: they may reference other tables for foreign keys)",
      scope: "folder",
      from: { path: "^src/server/" },
      to: { path: "^src/server/", circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["\\.test\\.tsx?$", "^src/server/testing/", "(^|/)schema\\.ts$", "^src/server/db/migrations/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"], extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs"] },
  },
};
