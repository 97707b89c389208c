import { describe, expect, it } from "vitest";
import { escapeLike, searchText } from "./text";

describe("searchText", () => {
  it.each([
    ["Vendôme", "vendome"],
    ["L'Île-Bouchard", "l ile bouchard"],
    ["Aide-soignant / Aide-soignante", "aide soignant aide soignante"],
    ["  CŒUR  de  Sologne ", "coeur de sologne"],
    ["Saint-Aignan", "saint aignan"],
    ["%_", ""],
  ])("%s → %s", (input, expected) => {
    expect(searchText(input)).toBe(expected);
  });
});

describe("escapeLike", () => {
  it("escapes wildcards and the escape character", () => {
    expect(escapeLike("50%_a\\b")).toBe("50\\%\\_a\\\\b");
  });
});
