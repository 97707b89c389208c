import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The label and limit modules are read by client components: they must not pull the
// database, Drizzle or Node into the browser bundle. Each may import types from anywhere
// (erased at build), and values only from another module of this list.
const CLIENT_SAFE = [
  "src/server/offers/labels.ts",
  "src/server/offers/limits.ts",
  "src/server/profiles/labels.ts",
  "src/server/profiles/limits.ts",
  "src/server/profiles/completeness.ts",
  "src/server/formations/labels.ts",
  "src/server/formations/limits.ts",
  "src/server/geo/shifts.ts",
];

const root = path.resolve(__dirname, "../../..");

function valueImports(file: string): string[] {
  const text = readFileSync(path.join(root, file), "utf8");
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm)) {
    if (m[2]) continue; // import type … / export type …
    found.push(m[3]!);
  }
  return found;
}

describe("client-safe label and limit modules", () => {
  it.each(CLIENT_SAFE)("%s imports values only from other client-safe modules", (file) => {
    const allowed = new Set(CLIENT_SAFE.map((f) => path.join(root, f)));
    for (const spec of valueImports(file)) {
      const target = spec.startsWith(".") ? path.join(root, path.dirname(file), `${spec}.ts`) : spec;
      expect(allowed.has(target), `${file} imports ${spec}`).toBe(true);
    }
  });

  it("says so in a comment at its top", () => {
    for (const file of CLIENT_SAFE.filter((f) => /labels|limits|shifts/.test(f))) {
      const head = readFileSync(path.join(root, file), "utf8").split("\n").slice(0, 3).join("\n");
      expect(head, file).toMatch(/Client-safe|client components|browser/i);
    }
  });
});
