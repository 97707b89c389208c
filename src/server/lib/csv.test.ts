import { describe, expect, it } from "vitest";
import { csvObjects, CsvFormatError, detectDelimiter, parseCsv } from "./csv";

describe("CSV files from spreadsheets", () => {
  it("detects ; and , separators from the header", () => {
    expect(detectDelimiter("a;b;c\n1,2;3;4")).toBe(";");
    expect(detectDelimiter("a,b,c\n1;2,3,4")).toBe(",");
    expect(detectDelimiter("a\tb\n1\t2")).toBe("\t");
  });

  it("strips a UTF-8 BOM and keeps quoted separators and line breaks", () => {
    const t = parseCsv('\uFEFFnom;ville\n"Dupont; Jean";"Blois\nCentre"\n');
    expect(t.header).toEqual(["nom", "ville"]);
    expect(csvObjects(t)).toEqual([{ nom: "Dupont; Jean", ville: "Blois\nCentre" }]);
  });

  it("fills missing trailing cells with empty strings", () => {
    expect(csvObjects(parseCsv("a,b,c\n1\n"))).toEqual([{ a: "1", b: "", c: "" }]);
  });

  it("refuses an empty file and an unterminated quote with a French message", () => {
    expect(() => parseCsv("")).toThrow(CsvFormatError);
    expect(() => parseCsv('a,b\n"1,2\n')).toThrow(/CSV illisible/);
  });
});
