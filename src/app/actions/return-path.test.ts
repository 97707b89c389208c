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
  ])("refuses %s", (_label, value) => {
    expect(safeReturnPath(value)).toBeNull();
  });
});
