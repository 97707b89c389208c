import { describe, expect, it } from "vitest";
import { contrastRatio, isReadablePair } from "./contrast";

describe("contrast ratio", () => {
  it("matches the WCAG values", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
    expect(contrastRatio("#ffffff", "#767676")).toBeCloseTo(4.54, 2);
    // order does not matter
    expect(contrastRatio("#0b5cab", "#ffffff")).toBe(contrastRatio("#ffffff", "#0b5cab"));
  });

  it("accepts 4.5:1 and above only", () => {
    expect(isReadablePair("#ffffff", "#0b5cab")).toBe(true);
    expect(isReadablePair("#ffffff", "#767676")).toBe(true);
    expect(isReadablePair("#ffffff", "#777777")).toBe(false);
    expect(isReadablePair("#6699cc", "#0b5cab")).toBe(false);
  });
});
