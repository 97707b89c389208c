import { describe, expect, it } from "vitest";
import { adviserAfterStep, adviserCvHref, personFileHref } from "./paths";

const id = "0b9f6c1e-2f4d-4c59-9d7e-3f1a2b3c4d5e";

describe("the adviser's CV wizard addresses", () => {
  it("uses the French step words under the person's file", () => {
    expect(adviserCvHref(id)).toBe(`/conseiller/personnes/${id}/cv/lieu`);
    expect(adviserCvHref(id, "jobs")).toBe(`/conseiller/personnes/${id}/cv/metiers`);
    expect(adviserCvHref(id, "visibilite")).toBe(`/conseiller/personnes/${id}/cv/visibilite`);
  });
  it("goes step by step, then back to the person's file", () => {
    expect(adviserAfterStep(id, 0)).toBe(`/conseiller/personnes/${id}/cv/deplacements`);
    expect(adviserAfterStep(id, 6)).toBe(personFileHref(id, true));
    expect(personFileHref(id)).toBe(`/conseiller/personnes/${id}#cv`);
  });
});
