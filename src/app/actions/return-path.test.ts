import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("safeReturnPath (the ?retour= of the sign-in page)", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeReturnPath("/admin")).toBe("/admin");
    expect(safeReturnPath("/admin?role=adviser&q=x#utilisateurs")).toBe("/admin?role=adviser&q=x#utilisateurs");
  });

  it.each([
    ["another site", "https://exemple.com/"],
    ["a protocol-relative address", "//exemple.com/piege"],
    ["a backslash trick", "/\\exemple.com"],
    ["a scheme", "javascript:alert(1)"],
    ["a relative path", "admin"],
    ["a control character", "/admin\n/x"],
    ["the sign-in page itself", "/connexion?retour=/admin"],
    ["nothing", undefined],
    ["an array", ["/admin"]],
    ["a dot segment that normalises to another site", "/..//evil.example"],
    ["an encoded dot segment", "/%2e%2e//evil.example"],
    ["an upper-case encoded dot segment", "/%2E%2E//evil.example"],
    ["a single dot segment", "/.//evil.example"],
    ["a climb out of a folder", "/a/..//evil.example"],
    ["a climb after a backslash", "/..\\/evil.example"],
    ["a tab", "/\t/evil.example"],
    ["a backslash after a dot segment", "/.\\\\evil.example"],
    ["a dot segment then a backslash path", "/../\\evil.example"],
  ])("refuses %s", (_label, value) => {
    expect(safeReturnPath(value)).toBeNull();
  });

  it("keeps harmless dot segments and encoded slashes as paths on this site", () => {
    expect(safeReturnPath("/offres/../profil")).toBe("/profil");
    // An encoded slash stays encoded: the browser reads it as a path, not as an address.
    expect(safeReturnPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
  });

  it("never returns a path that a browser would read as another site", () => {
    const pieces = ["/", "\\", ".", "..", "%2e", "%2E", "%2f", "%5c", "evil.example", "a", "?", "#", "@", ":"];
    const seen: string[] = [];
    const build = (prefix: string, depth: number) => {
      if (depth === 0) return;
      for (const piece of pieces) {
        const candidate = prefix + piece;
        seen.push(candidate);
        build(candidate, depth - 1);
      }
    };
    build("/", 4);
    for (const candidate of seen) {
      const out = safeReturnPath(candidate);
      if (out === null) continue;
      expect(out.startsWith("//") || out.startsWith("/\\"), candidate).toBe(false);
      expect(new URL(out, "https://site.invalid").origin, candidate).toBe("https://site.invalid");
    }
    expect(seen.length).toBeGreaterThan(20000);
  });
});
