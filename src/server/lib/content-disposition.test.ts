import { describe, expect, it } from "vitest";
import { downloadDisposition } from "./content-disposition";

describe("downloadDisposition", () => {
  it("keeps the letters in filename* and gives an ASCII fallback", () => {
    expect(downloadDisposition("attachment", ["CV", "Łucja", "Nguyễn"], "pdf", "CV")).toBe(
      `attachment; filename="CV-Lucja-Nguyen.pdf"; filename*=UTF-8''CV-%C5%81ucja-Nguy%E1%BB%85n.pdf`,
    );
  });

  it("says nothing more when the name is already plain ASCII", () => {
    expect(downloadDisposition("inline", ["courrier", "Leon", "Petit"], "pdf", "courrier")).toBe(`inline; filename="courrier-Leon-Petit.pdf"`);
  });

  it("turns spaces, quotes, slashes and emoji into single dashes", () => {
    const header = downloadDisposition("attachment", ["CV", "Jean Marc", `O'Brien "le/grand" 🚀`], "pdf", "CV");
    expect(header).toBe(`attachment; filename="CV-Jean-Marc-O-Brien-le-grand.pdf"`);
  });

  it("transliterates letters without decomposition and leaves other scripts to filename*", () => {
    expect(downloadDisposition("attachment", ["CV", "Søren", "Straße"], "pdf", "CV")).toMatch(/^attachment; filename="CV-Soren-Strasse\.pdf"; filename\*=UTF-8''CV-S%C3%B8ren-Stra%C3%9Fe\.pdf$/);
    const greek = downloadDisposition("attachment", ["CV", "Ελένη", "Ольга"], "pdf", "CV");
    expect(greek).toMatch(/^attachment; filename="CV\.pdf"; filename\*=UTF-8''CV-/);
    expect(decodeURIComponent(greek.split("''")[1]!)).toBe("CV-Ελένη-Ольга.pdf");
  });

  it("falls back to the given name when nothing is left", () => {
    expect(downloadDisposition("attachment", ["", "🙂"], "pdf", "CV")).toBe(`attachment; filename="CV.pdf"`);
  });

  it("never puts a quote, a semicolon or a non-ASCII byte in the plain filename", () => {
    const header = downloadDisposition("attachment", ["CV", `a";b`, "Ž\n"], "pdf", "CV");
    const plain = /filename="([^"]*)"/.exec(header)![1]!;
    expect(plain).toMatch(/^[A-Za-z0-9.-]+$/);
  });
});
