import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { spriteSvg } from "./icon-sprite";
import { iconShapes } from "./icons";

describe("the pictograms' sprite", () => {
  const sprite = spriteSvg();
  const names = iconShapes().map(([name]) => name);

  it("draws every registered pictogram once, as a symbol with its own shapes", () => {
    expect(names.length).toBeGreaterThanOrEqual(56);
    for (const name of names) {
      const symbol = new RegExp(`<symbol id="${name}" viewBox="0 0 24 24">(.*?)</symbol>`).exec(sprite);
      expect(symbol, name).not.toBeNull();
      expect(symbol![1], name).toMatch(/^(<(path|circle|rect) [^>]+><\/(path|circle|rect)>)+$/);
    }
    expect(sprite.match(/<symbol /g)).toHaveLength(names.length);
  });

  it("is well-formed SVG with only drawing attributes", () => {
    expect(sprite.startsWith('<svg xmlns="http://www.w3.org/2000/svg">')).toBe(true);
    expect(sprite).not.toMatch(/\[object|undefined|NaN/);
    expect(sprite).not.toMatch(/\son\w+=/);
  });

  it("every name used in the code is drawn", () => {
    // icon("name", …) calls: a typo in a name would show an empty square
    const root = path.resolve(__dirname, "..");
    const used: string[] = [];
    for (const dir of readdirSync(root)) {
      const file = path.join(root, dir, "icons.tsx");
      try {
        used.push(...[...readFileSync(file, "utf8").matchAll(/icon\(\s*"([^"]+)"/g)].map((m) => m[1]!));
      } catch {
        // no icons in this folder
      }
    }
    expect(used.length).toBe(names.length);
    expect(new Set(used)).toEqual(new Set(names));
  });
});
