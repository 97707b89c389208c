import { describe, expect, it } from "vitest";
import { generateAccessCode, hashAccessCode, hashPassword, normalizeAccessCode, verifyPassword } from "./password";
import { emailSchema, passwordSchema } from "./inputs";

describe("password hashes", () => {
  it("verify the right password only, with a fresh salt each time", async () => {
    const a = await hashPassword("Jardin-2026");
    const b = await hashPassword("Jardin-2026");
    expect(a).not.toBe(b);
    expect(await verifyPassword("Jardin-2026", a)).toBe(true);
    expect(await verifyPassword("jardin-2026", a)).toBe(false);
    expect(await verifyPassword("Jardin-2026", null)).toBe(false);
    expect(await verifyPassword("Jardin-2026", "md5$abc")).toBe(false);
  });
});

describe("access codes", () => {
  it("are 10 unambiguous characters in three groups", () => {
    for (let i = 0; i < 200; i++) {
      const code = generateAccessCode();
      expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{2}$/);
    }
  });

  it("match however the person types them", () => {
    expect(normalizeAccessCode(" k7qm 4xtr-pz ")).toBe("K7QM4XTRPZ");
    expect(hashAccessCode("k7qm4xtrpz")).toBe(hashAccessCode("K7QM-4XTR-PZ"));
  });
});

describe("sign-up fields", () => {
  it("lower-cases and trims e-mails, refuses malformed ones", () => {
    expect(emailSchema.parse("  Lea@Exemple.FR ")).toBe("lea@exemple.fr");
    expect(emailSchema.safeParse("lea@").success).toBe(false);
    expect(emailSchema.safeParse("lea exemple.fr").success).toBe(false);
  });

  it.each(["court1", "sanschiffre", "12345678", "azerty123", "aaaa1111"])("refuses the weak password %s", (p) => {
    expect(passwordSchema.safeParse(p).success).toBe(false);
  });

  it("accepts a reasonable password", () => {
    expect(passwordSchema.safeParse("Jardin-2026").success).toBe(true);
  });
});
