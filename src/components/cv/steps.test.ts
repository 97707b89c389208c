import { describe, expect, it } from "vitest";
import { PROFILE_STEP_KEYS } from "@/server/profiles/completeness";
import { afterStep, durationChoice, durationWords, stepBySlug, stepHref, WIZARD_STEPS } from "./steps";
import { messagesFor, stepSummary } from "@/components/ui/formErrors";

describe("the CV wizard's steps", () => {
  it("has one French address per step of the server, in the same order", () => {
    expect(WIZARD_STEPS.map((s) => s.key)).toEqual(PROFILE_STEP_KEYS);
    expect(WIZARD_STEPS.map((s) => s.slug)).toEqual(["lieu", "deplacements", "metiers", "competences", "disponibilites", "parcours", "visibilite"]);
  });

  it("leads from a step to the next, and from the last to the saved CV", () => {
    expect(stepHref("jobs")).toBe("/beneficiaire/cv/modifier/metiers");
    expect(stepHref("lieu")).toBe("/beneficiaire/cv/modifier/lieu");
    expect(afterStep(0)).toBe("/beneficiaire/cv/modifier/deplacements");
    expect(afterStep(WIZARD_STEPS.length - 1)).toBe("/beneficiaire/cv?enregistre=1");
    expect(stepBySlug("competences")).toMatchObject({ index: 3, step: { key: "skills" } });
    expect(stepBySlug("inconnu")).toBeNull();
  });

  it("turns stored years into the nearest « combien de temps » chip", () => {
    expect(durationChoice(0.5)).toBe("0.5");
    expect(durationChoice(1)).toBe("2");
    expect(durationChoice(3)).toBe("2");
    expect(durationChoice(4)).toBe("4");
    expect(durationChoice(12)).toBe("4");
    expect(durationChoice(null)).toBe("");
    expect(durationWords(0.2)).toBe("Moins d'1 an");
  });
});

describe("the wizard's error messages", () => {
  const errors = { "distance.value": ["Au moins 1 km."], drivingLicence: ["Dites si vous avez le permis."], _: ["Commencez par indiquer où vous habitez."] };

  it("finds a field's messages, including those of its parts", () => {
    expect(messagesFor(errors, "distance")).toEqual(["Au moins 1 km."]);
    expect(messagesFor(errors, "dist")).toEqual([]);
  });

  it("lists them in the order of the form, each leading to its field, general ones last", () => {
    expect(
      stepSummary(errors, [
        ["travelModes", "travelModes"],
        ["distance", "distance-range"],
        ["drivingLicence", "drivingLicence"],
      ]),
    ).toEqual([
      { message: "Au moins 1 km.", fieldId: "distance-range" },
      { message: "Dites si vous avez le permis.", fieldId: "drivingLicence" },
      { message: "Commencez par indiquer où vous habitez." },
    ]);
  });
});
