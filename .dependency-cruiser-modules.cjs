// The modules of src/server form a one-way graph (checked in CI by `npm run check:deps`).
// A module is a folder; table definitions (schema.ts, and db/schema.ts that gathers them) are
// left out: they may reference other modules' tables for their foreign keys.
const base = require("./.dependency-cruiser.cjs");

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "server-module-cycle",
      severity: "error",
      comment: "A module calls only modules below it: no chain of imports leads from a module back to itself.",
      scope: "folder",
      from: { path: "^src/server/" },
      to: { path: "^src/server/", circular: true },
    },
  ],
  options: {
    ...base.options,
    tsPreCompilationDeps: true,
    exclude: { path: [...base.options.exclude.path, "(^|/)schema\\.ts$"] },
  },
};
