import { describe, expect, it } from "vitest";
import { pdfText, pdfWords } from "../testing/pdf-text";
import { renderCvPdf } from "./cv-pdf";

type CvView = Parameters<typeof renderCvPdf>[0];

function cv(overrides: Partial<CvView>): CvView {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    firstName: "Marie",
    lastName: "Durand",
    email: "marie@example.fr",
    phone: null,
    commune: { insee: "41018", name: "Blois", postcodes: ["41000"] },
    point: { lng: 1.33, lat: 47.59 },
    preciseLocation: false,
    travelModes: ["walk", "bus"],
    maxDistanceKm: 15,
    drivingLicence: "none",
    hasVehicle: false,
    availableFrom: null,
    fullTime: null,
    shifts: [],
    seeking: true,
    visibleToEmployers: true,
    visibilityConsentAt: null,
    jobs: [{ kind: "sought", romeCode: "K1304", label: "Aide à domicile" }],
    skills: [],
    formations: [],
    about: null,
    updatedAt: new Date("2025-03-01T10:00:00Z"),
    ...overrides,
  } as CvView;
}

/** pdftotext joins lines with newlines and may split a long line: compare without white space. */
const squeeze = (s: string) => s.replace(/\s+/g, "");

describe("the CV as a PDF, for every name", () => {
  const names = [
    ["Polish", "Łucja", "Wiśniewska-Żółć"],
    ["Vietnamese", "Nguyễn", "Thị Ánh Tuyết"],
    ["Turkish", "Çağrı", "Şahin Işıkoğlu"],
    ["Romanian", "Ștefan", "Mărginean Țurcanu"],
    ["Greek", "Ελένη", "Παπαδοπούλου"],
    ["Cyrillic", "Ольга", "Щербакова"],
  ] as const;

  it.each(names)("prints a %s name as written (%s %s), in the text a reader extracts", async (_script, firstName, lastName) => {
    const pdf = await renderCvPdf(
      cv({ firstName, lastName, about: `Je m'appelle ${firstName} ${lastName}.`, jobs: [{ kind: "sought", romeCode: "K1304", label: `Aide à domicile chez ${lastName}` }] }),
      "Emploi 41",
    );
    const text = await pdfText(pdf);
    expect(text).toContain(`${firstName} ${lastName}`);
    expect(text).toContain(`Je m'appelle ${firstName} ${lastName}.`);
    expect(text).toContain(`Aide à domicile chez ${lastName}`);
    // the French words around them too (no Windows-1252 fallback anywhere)
    expect(text).toContain("Métiers recherchés");
    expect(text).toContain("Mobilité et disponibilités");
  });

  it("reads a name typed in decomposed form (e + combining accents) as the composed letters", async () => {
    const text = await pdfText(await renderCvPdf(cv({ firstName: "Nguyễn".normalize("NFD"), lastName: "Ánh".normalize("NFD") }), "Emploi 41"));
    expect(text).toContain("Nguyễn Ánh");
  });

  it("drops an emoji cleanly: no garbage, no stray box, the words around it intact", async () => {
    const pdf = await renderCvPdf(cv({ firstName: "Sofia 🌻", lastName: "Ionescu", about: "J'aime les fleurs 🌻🌼 et le jardin 👩‍🌾 !" }), "Emploi 41");
    const text = await pdfText(pdf);
    expect(text).toContain("Sofia Ionescu");
    expect(text).toContain("J'aime les fleurs et le jardin !");
    expect(text).not.toMatch(/Ø|Þ|=|\uFFFD|\p{Extended_Pictographic}/u);
  });

  it("wraps a 300-character word and long lines within the page", async () => {
    const word = "Ż".repeat(100) + "a".repeat(100) + "ễ".repeat(100);
    const sentence = "Je cherche un emploi dans l'aide à la personne, de préférence près de chez moi, ".repeat(8);
    const pdf = await renderCvPdf(cv({ about: `${word} ${sentence}`, jobs: [{ kind: "sought", romeCode: "K1304", label: word }] }), "Emploi 41");
    const words = await pdfWords(pdf);
    expect(words.length).toBeGreaterThan(20);
    for (const w of words) {
      // A4 with 56 pt margins: every word stays inside the text box (a point of rounding)
      expect(w.xMin, w.text).toBeGreaterThanOrEqual(56 - 1);
      expect(w.xMax, w.text).toBeLessThanOrEqual(w.pageWidth - 56 + 1);
      expect(w.yMax, w.text).toBeLessThanOrEqual(w.pageHeight);
    }
    // nothing lost in the wrapping: the word comes back whole, twice (job and about)
    const all = squeeze(await pdfText(pdf));
    expect(all.split(word).length - 1).toBe(2);
  });
});
