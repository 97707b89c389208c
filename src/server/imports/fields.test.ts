import { isLuhnValid } from "../lib/luhn";
import { describe, expect, it } from "vitest";
import {
  isFormulaLike,
  parseCommuneCode,
  parseContract,
  parseDate,
  parseDistanceKm,
  parseDrivingLicence,
  parseEmail,
  parseJobCodes,
  parseList,
  parseNumber,
  parsePhone,
  parsePositiveInteger,
  parseShifts,
  parseSiret,
  parseSkillCodes,
  parseTravelModes,
  parseYesNo,
  type Cell,
} from "./fields";
import { ImportFileError, normaliseHeader, readTable, stableStringify, importHash, decodeCsvBytes } from "./run";

const value = <T>(c: Cell<T>) => (c.ok ? c.value : `ERREUR ${c.reason}`);
const reason = <T>(c: Cell<T>) => (c.ok ? "OK" : c.reason);

describe("dates", () => {
  it.each([
    ["2025-09-01", "2025-09-01"],
    ["2024-02-29", "2024-02-29"],
    ["01/09/2025", "2025-09-01"],
  ])("%s is the date %s", (typed, iso) => expect(value(parseDate(typed))).toBe(iso));

  it.each(["2025-02-30", "2023-02-29", "2025-13-01", "31/04/2025"])("%s does not exist in the calendar", (typed) =>
    expect(reason(parseDate(typed))).toMatch(/date impossible/),
  );

  it.each(["demain", "2025-9-1", "2025/09/01", "20250901", "09/2025"])("%s is unreadable", (typed) =>
    expect(reason(parseDate(typed))).toMatch(/date illisible.*AAAA-MM-JJ/),
  );
});

describe("numbers", () => {
  it("reads a decimal point or comma", () => {
    expect(value(parseNumber("47.58"))).toBe(47.58);
    expect(value(parseNumber("47,58"))).toBe(47.58);
    expect(value(parseNumber("-1.5"))).toBe(-1.5);
  });
  it("refuses what is not a number", () => {
    expect(reason(parseNumber("vingt"))).toMatch(/nombre illisible/);
    expect(reason(parseNumber("1e3"))).toMatch(/nombre illisible/);
    expect(reason(parseNumber("12 km"))).toMatch(/nombre illisible/);
  });
  it("keeps a travel limit or radius between 1 and 200 km", () => {
    expect(value(parseDistanceKm("30"))).toBe(30);
    expect(reason(parseDistanceKm("0"))).toMatch(/entre 1 et 200 km/);
    expect(reason(parseDistanceKm("250"))).toMatch(/entre 1 et 200 km/);
    expect(reason(parseDistanceKm("-5"))).toMatch(/entre 1 et 200 km/);
  });
  it("wants positions and seats above zero, whole", () => {
    expect(value(parsePositiveInteger("3"))).toBe(3);
    expect(reason(parsePositiveInteger("0"))).toMatch(/supérieur à 0/);
    expect(reason(parsePositiveInteger("-2"))).toMatch(/supérieur à 0/);
    expect(reason(parsePositiveInteger("1.5"))).toMatch(/entier/);
  });
});

describe("yes or no", () => {
  it.each(["yes", "OUI", "Oui", "1", "true", "vrai"])("%s is yes", (typed) => expect(value(parseYesNo(typed))).toBe(true));
  it.each(["no", "Non", "0", "FALSE", "faux"])("%s is no", (typed) => expect(value(parseYesNo(typed))).toBe(false));
  it("anything else is refused", () => expect(reason(parseYesNo("peut-être"))).toMatch(/n'est pas oui ou non/));
});

describe("lists and codes", () => {
  it("splits on | and drops blanks and repeats", () => {
    expect(parseList(" a | b ||a ")).toEqual(["a", "b"]);
  });
  it("reads travel modes in English or French", () => {
    expect(value(parseTravelModes("public_transport|vélo|Voiture"))).toEqual(["bike", "car", "public_transport"]);
    expect(reason(parseTravelModes("car|fusée"))).toMatch(/fusée/);
  });
  it("reads shifts as a mask", () => {
    expect(value(parseShifts("day"))).toBe(1);
    expect(value(parseShifts("day|weekend"))).toBe(5);
    expect(value(parseShifts("jour|nuit|week-end"))).toBe(7);
    expect(reason(parseShifts("matin"))).toMatch(/horaire inconnu : matin/);
  });
  it("reads the driving licence", () => {
    expect(value(parseDrivingLicence("B"))).toBe("B");
    expect(value(parseDrivingLicence("permis B"))).toBe("B");
    expect(value(parseDrivingLicence("en cours"))).toBe("in_progress");
    expect(value(parseDrivingLicence("aucun"))).toBe("none");
    expect(reason(parseDrivingLicence("C"))).toMatch(/permis inconnu/);
  });
  it.each([
    ["CDI", "cdi"],
    ["cdd", "cdd"],
    ["intérim", "interim"],
    ["Interim", "interim"],
    ["IAE", "insertion"],
    ["contrat d'insertion", "insertion"],
    ["Contrat d’insertion", "insertion"],
    ["apprentissage", "apprenticeship"],
    ["saisonnier", "seasonal"],
    ["seasonal", "seasonal"],
  ])("contract %s is %s", (typed, code) => expect(value(parseContract(typed))).toBe(code));
  it("refuses an unknown contract", () => expect(reason(parseContract("stage"))).toMatch(/contrat inconnu « stage »/));

  it("accepts ROME and OGR job codes and names malformed ones", () => {
    expect(value(parseJobCodes("j1501|10891"))).toEqual(["J1501", "10891"]);
    expect(reason(parseJobCodes("J1501|aide-soignant|Z9999"))).toMatch(/AIDE-SOIGNANT, Z9999/);
  });
  it("accepts numeric skill codes", () => {
    expect(value(parseSkillCodes("100063|107663|100063"))).toEqual([100063, 107663]);
    expect(reason(parseSkillCodes("100063|soins"))).toMatch(/soins/);
  });
  it("puts back the leading zero a spreadsheet drops", () => {
    expect(value(parseCommuneCode("1053", "code INSEE"))).toBe("01053");
    expect(value(parseCommuneCode("2a004", "code INSEE"))).toBe("2A004");
    expect(value(parseCommuneCode("41120", "code postal"))).toBe("41120");
    expect(reason(parseCommuneCode("4112", "code postal"))).toBe("OK");
    expect(reason(parseCommuneCode("Blois", "code postal"))).toMatch(/code postal invalide/);
  });
});

describe("SIRET", () => {
  it("checks the Luhn key", () => {
    expect(isLuhnValid("73282932000074")).toBe(true);
    expect(value(parseSiret("732 829 320 00074"))).toBe("73282932000074");
    expect(reason(parseSiret("73282932000075"))).toMatch(/clé de contrôle/);
    expect(reason(parseSiret("7328293200007"))).toMatch(/14 chiffres/);
  });
  it("accepts La Poste's establishments by their own rule", () => {
    expect(isLuhnValid("35600000049837")).toBe(false);
    expect(value(parseSiret("35600000049837"))).toBe("35600000049837");
    expect(reason(parseSiret("35600000012345"))).toMatch(/clé de contrôle/);
  });
});

describe("contact details", () => {
  it("lower-cases a valid e-mail and refuses a broken one", () => {
    expect(value(parseEmail("Amina.Diallo@Example.org"))).toBe("amina.diallo@example.org");
    expect(reason(parseEmail("amina@"))).toMatch(/e-mail invalide/);
  });
  it("accepts French and international phone numbers, stored in E.164", () => {
    expect(value(parsePhone("06 12 34 56 78"))).toBe("+33612345678");
    expect(value(parsePhone("+33 6 12 34 56 78"))).toBe("+33612345678");
    expect(value(parsePhone("0692 12 34 56", "RE"))).toBe("+262692123456");
    expect(reason(parsePhone("appeler le soir"))).toMatch(/téléphone invalide/);
    expect(reason(parsePhone("06 12 34"))).toMatch(/téléphone invalide/);
  });
});

describe("formula guard", () => {
  it.each(['=HYPERLINK("http://x","y")', "@SUM(A1)", "+cmd|' /C calc'!A0", "-2+3+cmd", " =1+1", "\t=1", "\rx", "-x"])(
    "refuses %j",
    (cell) => expect(isFormulaLike(cell)).toBe(true),
  );
  it.each(["+33 6 12 34 56 78", "-1.5", "47.58", "Aide-soignant", "Jean-Pierre", "a=b", "", "-"])("accepts %j", (cell) =>
    expect(isFormulaLike(cell)).toBe(false),
  );
});

describe("file shape", () => {
  const spec = {
    known: ["external_id", "job", "commune_insee", "postcode", "latitude", "longitude"],
    required: ["external_id", "job"],
    anyOf: [{ sets: [["commune_insee"], ["postcode"], ["latitude", "longitude"]], label: "un lieu" }],
  };
  it("matches headers by name, trimmed and case-insensitive, in any order", () => {
    const t = readTable("\uFEFF Job ;External_ID;Commune INSEE;autre\nJ1501;A1;41018;x\n", spec);
    expect([...t.columns]).toEqual([
      ["job", 0],
      ["external_id", 1],
      ["commune_insee", 2],
    ]);
    expect(t.ignored).toEqual(["autre"]);
    expect(normaliseHeader(" Max-Distance KM ")).toBe("max_distance_km");
  });
  it("refuses a file missing a required column, naming it", () => {
    expect(() => readTable("external_id,commune_insee\nA1,41018\n", spec)).toThrow(ImportFileError);
    expect(() => readTable("external_id,commune_insee\nA1,41018\n", spec)).toThrow(/manquante : job\./);
    expect(() => readTable("external_id;job;latitude\nA1;J1501;47\n", spec)).toThrow(/un lieu/);
    expect(() => readTable("", spec)).toThrow(/vide/);
  });
  it("refuses a column given twice", () => {
    expect(() => readTable("external_id;job;JOB;postcode\n", spec)).toThrow(/deux fois/);
  });
  it("refuses a file that is not UTF-8", () => {
    expect(() => decodeCsvBytes(Uint8Array.from([0x56, 0x65, 0x6e, 0x64, 0xf4, 0x6d, 0x65]))).toThrow(/UTF-8/);
    expect(decodeCsvBytes(new TextEncoder().encode("Vendôme"))).toBe("Vendôme");
  });
});

describe("line hash", () => {
  it("does not depend on key order", () => {
    expect(stableStringify({ b: 1, a: [2, { d: null, c: "x" }] })).toBe('{"a":[2,{"c":"x","d":null}],"b":1}');
    expect(importHash("offers", { a: 1, b: 2 })).toBe(importHash("offers", { b: 2, a: 1 }));
    expect(importHash("offers", { a: 1 })).not.toBe(importHash("formations", { a: 1 }));
  });
});
