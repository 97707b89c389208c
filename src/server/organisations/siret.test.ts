import { describe, expect, it } from "vitest";
import { formatSiret, isValidSiret, normaliseSiret, SIRET_INVALID, SIRET_MISSING, siretProblem } from "./siret";

describe("SIRET", () => {
  it("accepts a valid number typed with spaces", () => {
    expect(normaliseSiret("732 829 320 00074")).toBe("73282932000074");
    expect(siretProblem("732 829 320 00074")).toBeNull();
    expect(isValidSiret("73282932000074")).toBe(true);
  });

  it("says plainly what is wrong", () => {
    expect(siretProblem("  ")).toBe(SIRET_MISSING);
    expect(siretProblem("7328293200007")).toMatch(/^Le SIRET compte 14 chiffres : vous en avez écrit 13/);
    expect(siretProblem("732829320000745")).toMatch(/^Le SIRET compte 14 chiffres/);
    expect(siretProblem("73282932O00074")).toMatch(/^Le SIRET compte 14 chiffres, sans lettre/);
    expect(siretProblem("73282932000075")).toBe(SIRET_INVALID);
  });

  it("accepts La Poste's establishments by their own rule (digit sum a multiple of 5)", () => {
    expect(isValidSiret("35600000049837")).toBe(true);
    expect(siretProblem("356 000 000 49837")).toBeNull();
    expect(isValidSiret("35600000012345")).toBe(false);
    // the La Poste rule is not a way round the key for anyone else
    expect(isValidSiret("35700000049836")).toBe(false);
  });

  it("formats as 123 456 789 00012", () => {
    expect(formatSiret("73282932000074")).toBe("732 829 320 00074");
    expect(formatSiret(null)).toBe("");
  });
});
