// Import rules of the UI and the browser, checked in CI (`npm run check:deps`, first stage of
// `npm test`) with the module graph's rule in .dependency-cruiser-modules.cjs. See README, Architecture.
const fs = require("node:fs");
const path = require("node:path");

/** Source files (tests left out) whose text matches `test`, as an anchored path pattern. */
function filesWhere(test) {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && test(fs.readFileSync(p, "utf8"))) out.push(p);
    }
  };
  walk("src");
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return out.length ? `^(${out.map(escape).join("|")})$` : "^$";
}
/** Code that runs in the browser: files starting with "use client". */
const CLIENT = filesWhere((text) => /^\s*["']use client["']/.test(text));
/** Server files written for the browser too (labels, limits, pure rules): their first line says "// Client-safe". */
const CLIENT_SAFE = filesWhere((text) => text.startsWith("// Client-safe"));
const PERSONAS = "(beneficiary|beneficiary-offers|adviser|pro|admin)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "design-system-imports-persona",
      severity: "error",
      comment: "The UI kit (src/components/ui) serves every persona: it must not import a persona's components or pages.",
      from: { path: "^src/components/ui/" },
      to: { path: [`^src/components/${PERSONAS}/`, "^src/app/"] },
    },
    {
      name: "client-imports-server-code",
      severity: "error",
      comment:
        "Code that runs in the browser imports from src/server only client-safe files (labels, limits, pure rules, input schemas); types may come from anywhere (they vanish at build).",
      from: { path: CLIENT },
      to: { path: "^src/server/", pathNot: CLIENT_SAFE, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "client-safe-imports-server-code",
      severity: "error",
      comment: "A client-safe server file stays client-safe: it imports only other client-safe files, never the database or Node.",
      from: { path: CLIENT_SAFE },
      to: { path: "^src/server/", pathNot: CLIENT_SAFE, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "client-safe-imports-node",
      severity: "error",
      comment: "Client-safe files and browser code never import Node's own modules.",
      from: { path: [CLIENT, CLIENT_SAFE] },
      to: { dependencyTypes: ["core"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["\\.test\\.tsx?$", "^src/server/testing/", "^src/server/db/migrations/"] },
    tsPreCompilationDeps: "specify",
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"], extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs"] },
  },
};
