import { describe, expect, it } from "vitest";
import { pdfText } from "../testing/pdf-text";
import { BOLD, createPdf, printable } from "./pdf";

describe("printable: what the embedded Noto Sans can draw", () => {
  it("keeps Latin Extended, Vietnamese, Greek and Cyrillic letters", () => {
    const names = "Łucja Nguyễn — Çağrı Şahin — Ștefan Mărginean — Ελένη — Ольга";
    expect(printable(names)).toBe(names);
  });

  it("drops emoji with their joiners and variation selectors, and the space they leave", () => {
    expect(printable("Sofia 🌻 Ionescu")).toBe("Sofia Ionescu");
    expect(printable("jardin 👩‍🌾 ❤️ !")).toBe("jardin !");
  });

  it("drops scripts the font does not cover rather than printing empty boxes", () => {
    expect(printable("Li 李 Wei")).toBe("Li Wei");
  });

  it("composes decomposed accents, keeps line breaks and turns tabs into spaces", () => {
    expect(printable("Nguye\u0302\u0303n\r\nA\tB")).toBe("Nguyễn\nA B");
    expect(printable("a\u0007b")).toBe("ab");
  });
});

describe("createPdf", () => {
  it("runs every doc.text through printable, with or without options", async () => {
    const { doc, finished } = createPdf({ margins: { top: 50, bottom: 50, left: 50, right: 50 } });
    doc.text("Thị Ánh 🙂");
    doc.font(BOLD).text("Ольга 🚀", { align: "center" });
    doc.text("Ελένη ✨", 50, 300);
    doc.end();
    const text = await pdfText(await finished);
    expect(text).toContain("Thị Ánh");
    expect(text).toContain("Ольга");
    expect(text).toContain("Ελένη");
    expect(text).not.toMatch(/\p{Extended_Pictographic}/u);
  });
});
