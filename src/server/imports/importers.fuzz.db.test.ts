// Property-based checks of the three CSV importers: whatever file arrives (random bytes, or a
// right header over hostile cells), the import either refuses the file with a French message
// or reports each line; a dry run writes nothing and predicts the real run; a real run writes
// exactly what it reports, and never half of a line.
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type DatabaseHandle } from "../db/client";
import { callerAs } from "../testing/callers";
import { openTestDatabase, tableCounts } from "../testing/db";
import { BENEFICIARY_COLUMNS } from "./beneficiaries";
import { FILE_CHANGED } from "./browser";
import { FORMATION_COLUMNS } from "./formations";
import { OFFER_COLUMNS } from "./offers";
import { decodeCsvBytes, IMPORT_KINDS, ImportFileError, importCsv, type ImportKind, type ImportReport } from "./index";
import type { ColumnSpec } from "./run";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const SPECS: Record<ImportKind, ColumnSpec> = {
  beneficiaries: BENEFICIARY_COLUMNS,
  offers: OFFER_COLUMNS,
  formations: FORMATION_COLUMNS,
};
const MAIN_TABLE: Record<ImportKind, string> = {
  beneficiaries: "beneficiary_profiles",
  offers: "offers",
  formations: "formations",
};
// every table an import may touch (directly or through triggers)
const WATCHED = [
  "beneficiary_profiles",
  "profile_jobs",
  "profile_formations",
  "profile_match_points",
  "offers",
  "employers",
  "formations",
  "users",
  "audit_events",
  "search_documents",
  "search_queue",
];

const counts = () => tableCounts(h.db, WATCHED);

/** A refusal of the whole file: ImportFileError with a sentence in French. */
function expectFileRefusal(err: unknown) {
  if (!(err instanceof ImportFileError)) throw err;
  expect(err.message).toMatch(/^(Fichier|Colonnes? obligatoires?|La colonne|Le fichier)/);
}

/** The report's shape, whatever the file: each line at most once, in order, with a reason; no write error. */
function checkReport(report: ImportReport, records: number) {
  const lines = report.rejected.map((r) => r.line);
  expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  expect(new Set(lines).size).toBe(lines.length);
  for (const r of report.rejected) {
    expect(r.line).toBeGreaterThanOrEqual(2);
    expect(r.line).toBeLessThanOrEqual(records + 1);
    expect(r.reason.trim()).not.toBe("");
    // a database error on a line is a bug in the checks, not a clear refusal
    expect(r.reason).not.toMatch(/erreur à l'enregistrement/);
  }
  expect(report.created + report.updated + report.unchanged + report.rejected.length).toBeLessThanOrEqual(records);
}

// What a valid cell of each column looks like (real communes, ROME codes, a valid SIRET).
const VALID: Record<string, string[]> = {
  first_name: ["Amina", "Jean-Éric", "Zoé"],
  last_name: ["Diallo", "N'Guyen", "Le Gall"],
  email: ["amina@example.org", "x.y@exemple.fr"],
  phone: ["06 12 34 56 78", "+33 6 12 34 56 78"],
  commune_insee: ["41018", "41269", "41242"],
  postcode: ["41000", "41100"],
  commune_name: ["Blois", "Vendôme"],
  latitude: ["47.58", "47,79"],
  longitude: ["1.33", "1,06"],
  jobs: ["J1501", "J1501|10891", "10891"],
  job: ["J1501", "10891", "K2204"],
  skills: ["107663", "107663|107747"],
  required_skills: ["107663"],
  max_distance_km: ["25", "5"],
  radius_km: ["30"],
  travel_modes: ["car", "public_transport|bike"],
  driving_licence: ["B", "none"],
  has_vehicle: ["oui", "non"],
  visible: ["oui", "no"],
  seeking: ["yes", "non"],
  licence_required: ["oui"],
  vehicle_required: ["non"],
  available_from: ["2025-09-01", "01/10/2025"],
  starts_on: ["2025-10-01", "15/09/2025"],
  expires_on: ["2026-06-30"],
  ends_on: ["2026-06-30"],
  shifts: ["day|night", "jour|weekend"],
  employer_siret: ["73282932000074", "732 829 320 00074"],
  employer_name: ["EHPAD Les Tilleuls", "Boulangerie « Le Fournil »"],
  title: ["Aide-soignant de nuit", "Diplôme d'État"],
  contract: ["CDI", "intérim", "cdd"],
  hours_per_week: ["35", "24,5"],
  positions: ["2"],
  seats: ["12"],
  provider_name: ["IFSI de Blois"],
};

/** Cells that break naive CSV handling, spreadsheets, parsers or SQL. */
const HOSTILE = [
  "", " ", '"', '""', "'", ";", ",", "\t", "|", "||", "\uFEFF", "\u0000", "a\u0000b", "\u0007", "\u001b[31m", "\r", "\n", "\r\n",
  "=1+1", '=HYPERLINK("http://x","y")', "+33 6 12 34 56 78", "-1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\t=1",
  "x".repeat(5000), "é", "e\u0301", "👩‍⚕️", "\ud800", "\u202eevil", "\u200b", "NULL", "null", "undefined", "0", "-0", "1e309",
  "NaN", "Infinity", "2025-02-30", "31/12/1899", "9999-12-31", "99999", "2A004", "00000", "J9999", "99999999", "107663|abc",
  "<script>alert(1)</script>", "'; drop table users; --", "\\", "%s%n", "${x}", "oui", "non", "a@b", "a\u0000@b.fr", "x@y.fr\u0007",
  "41018", "J1501", "73282932000075", "35000000000", "-90", "181",
];

const hostileCell = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE), weight: 4 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }), weight: 1 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 20 }), weight: 1 },
);

function cellFor(column: string): fc.Arbitrary<string> {
  const valid = VALID[column];
  return valid
    ? fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 10 }, { arbitrary: hostileCell, weight: 1 })
    : hostileCell;
}

/** A cell as written in the file: quoted properly, or raw (which may break the line's shape). */
function writeCell(value: string, quote: boolean): string {
  return quote ? `"${value.replaceAll('"', '""')}"` : value;
}

let runNumber = 0;

/** A file with a usable header (the required columns plus some others, shuffled) over hostile rows. */
function hostileFile(kind: ImportKind) {
  const spec = SPECS[kind];
  const placeSet = fc.constantFrom(["commune_insee"], ["postcode", "commune_name"], ["latitude", "longitude"]);
  const optional = spec.known.filter((c) => !spec.required.includes(c));
  return fc
    .record({
      place: placeSet,
      extra: fc.subarray(optional),
      order: fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
      unknown: fc.constantFrom([], ["remarque"], ["Commentaire libre"]),
      delimiter: fc.constantFrom(";", ",", "\t"),
      eol: fc.constantFrom("\n", "\r\n"),
      bom: fc.boolean(),
      upperHeader: fc.boolean(),
    })
    .chain((f) => {
      const employer = kind === "offers" ? ["employer_siret"] : [];
      const header = [...new Set([...spec.required, ...f.place, ...employer, ...f.extra, ...f.unknown])];
      const ranks = header.map(() => f.order.next().value as number);
      const columns = header.map((c, i) => ({ c, r: ranks[i]! })).sort((a, b) => a.r - b.r).map((x) => x.c);
      const row = fc.record({
        id: fc.oneof({ arbitrary: fc.nat({ max: 4 }).map((n) => `#${n}`), weight: 5 }, { arbitrary: hostileCell, weight: 1 }),
        cells: fc.tuple(...columns.map((c) => cellFor(c))),
        quote: fc.array(fc.boolean(), { minLength: columns.length, maxLength: columns.length }),
        // a wrong number of cells now and then
        tail: fc.oneof({ arbitrary: fc.constant([] as string[]), weight: 8 }, { arbitrary: fc.array(hostileCell, { maxLength: 2 }), weight: 1 }),
        drop: fc.oneof({ arbitrary: fc.constant(0), weight: 8 }, { arbitrary: fc.nat({ max: columns.length }), weight: 1 }),
      });
      // ids are unique to the run (#n becomes run-n) so that each file starts from new rows;
      // hostile ids are kept as they are and may meet earlier runs' rows (updates): fine too
      return fc.array(row, { maxLength: 6 }).map((rows) => {
        const run = ++runNumber;
        const head = columns.map((c) => (f.upperHeader ? c.toUpperCase().replace("_", " ") : c)).join(f.delimiter);
        const lines = rows.map((r) => {
          const cells = columns.map((c, i) => {
            const value = c === "external_id" ? (r.id.startsWith("#") ? `fz${run}-${r.id.slice(1)}` : r.id) : r.cells[i]!;
            return writeCell(value, r.quote[i]!);
          });
          return [...cells.slice(0, cells.length - r.drop), ...r.tail].join(f.delimiter);
        });
        return `${f.bom ? "\uFEFF" : ""}${[head, ...lines].join(f.eol)}${f.eol}`;
      });
    });
}

/** The lines the parser could see (an upper bound on the report's outcomes). */
const recordBound = (text: string) => text.split(/\r\n|\n|\r/).length;

async function importOrRefusal(kind: ImportKind, text: string, dryRun: boolean): Promise<ImportReport | null> {
  try {
    return await importCsv(h.db, kind, text, { dryRun });
  } catch (err) {
    expectFileRefusal(err);
    return null;
  }
}

const withoutIds = (r: ImportReport) => ({ created: r.created, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected });

describe("importers on arbitrary bytes and text", () => {
  it("random bytes: not UTF-8 is refused, anything else is refused as a file or reported, and nothing is written", async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...IMPORT_KINDS),
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc.string({ unit: "binary", maxLength: 300 }).map((s) => new TextEncoder().encode(s)),
          // a right header over random bytes
          fc.tuple(fc.constantFrom(...IMPORT_KINDS), fc.uint8Array({ maxLength: 200 })).map(([k, b]) => {
            const head = new TextEncoder().encode(`${SPECS[k].required.join(";")};commune_insee;employer_name\n`);
            return new Uint8Array([...head, ...b]);
          }),
        ),
        async (kind, bytes) => {
          let text: string;
          try {
            text = decodeCsvBytes(bytes);
          } catch (err) {
            expectFileRefusal(err);
            expect((err as Error).message).toMatch(/UTF-8/);
            return;
          }
          const report = await importOrRefusal(kind, text, true);
          if (report) checkReport(report, recordBound(text));
        },
      ),
      { numRuns: 150 },
    );
    expect(await counts()).toEqual(before);
  });

  it("random strings (any unicode, lone surrogates, NUL) in a dry run: a refusal or a report, nothing written", async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...IMPORT_KINDS),
        fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), fc.string({ unit: "grapheme", maxLength: 300 })),
        fc.boolean(),
        async (kind, body, withHeader) => {
          const text = withHeader ? `${SPECS[kind].required.join(",")},postcode,employer_name\n${body}` : body;
          const report = await importOrRefusal(kind, text, true);
          if (report) checkReport(report, recordBound(text));
        },
      ),
      { numRuns: 150 },
    );
    expect(await counts()).toEqual(before);
  });

  it("empty files, a lone BOM, blank lines, a duplicated or missing column are refused with a French message", async () => {
    for (const kind of IMPORT_KINDS) {
      for (const text of ["", "\uFEFF", "\n\n\n", " ; ; \n", ";;;\r\n"]) {
        await expect(importCsv(h.db, kind, text)).rejects.toThrow(/^Fichier vide/);
      }
      const head = `${SPECS[kind].required.join(";")};commune_insee;employer_name`;
      await expect(importCsv(h.db, kind, `${head};External ID\nX;Y\n`)).rejects.toThrow(/La colonne external_id apparaît deux fois/);
      await expect(importCsv(h.db, kind, "nom;prénom\nA;B\n")).rejects.toThrow(/^Colonnes? obligatoires? manquantes?.*Colonnes trouvées : nom, prénom/);
    }
  });

  it("a huge cell (2 MB) is refused on its line, quickly, and the file's other line is imported", async () => {
    const before = await counts();
    const text = `external_id;provider_name;title;commune_insee;starts_on\nHUGE1;${"x".repeat(2_000_000)};T;41018;2025-10-01\nHUGE2;P;Titre;41018;2025-10-01\n`;
    const started = performance.now();
    const report = await importCsv(h.db, "formations", text);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(report.created).toBe(1);
    expect(report.rejected).toEqual([{ line: 2, reason: expect.stringMatching(/provider_name : texte trop long \(2000000 caractères/) }]);
    expect((await counts()).formations).toBe(before.formations! + 1);
  });
});

describe("cells the database itself would refuse", () => {
  it("a NUL or control character in any cell is refused on its line by the checks (the same in the preview), not by the database", async () => {
    const before = await counts();
    const cells = ["a\u0000@b.fr", "x@y.fr\u0007", "06\u0000 12 34 56 78"];
    const text = ["external_id;email;phone;commune_insee;jobs", ...cells.map((c, i) => `NUL${i};${i === 2 ? "" : c};${i === 2 ? c : ""};41018;J1501`)].join("\n");
    const dry = await importCsv(h.db, "beneficiaries", text, { dryRun: true });
    const real = await importCsv(h.db, "beneficiaries", text);
    expect(withoutIds(real)).toEqual(withoutIds(dry));
    expect(real.created).toBe(0);
    expect(real.rejected.map((r) => r.line)).toEqual([2, 3, 4]);
    for (const r of real.rejected) expect(r.reason).toMatch(/^(email|phone) : /);
    expect(await counts()).toEqual(before);
  });
});

describe("a write that fails anyway", () => {
  it("is reported on its line with the driver's message, never the SQL query and its values", async () => {
    // a database whose writes fail the way Drizzle reports them: the query and its values, then the cause
    const failing = new Proxy(h.db, {
      get(target, prop) {
        if (prop === "transaction") {
          return async () => {
            throw new Error("Failed query: insert into beneficiary_profiles … params: Amina,Diallo,amina@example.org", {
              cause: new Error("could not extend file: No space left on device"),
            });
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const report = await importCsv(failing, "beneficiaries", "external_id;first_name;email;commune_insee;jobs\nDISK1;Amina;amina@example.org;41018;J1501\n");
    expect(report.created).toBe(0);
    expect(report.rejected).toEqual([
      { line: 2, reason: "erreur à l'enregistrement (rien n'a été écrit pour cette ligne) : could not extend file: No space left on device" },
    ]);
  });
});

describe.each(IMPORT_KINDS)("%s: a right header over hostile cells", (kind) => {
  it("a dry run writes nothing and predicts the real run, which writes exactly what it reports, never half a line", async () => {
    const table = MAIN_TABLE[kind];
    const seen = { created: 0, rejected: 0, refusedFiles: 0 };
    await fc.assert(
      fc.asyncProperty(hostileFile(kind), async (text) => {
        const before = await counts();
        const dry = await importOrRefusal(kind, text, true);
        expect(await counts()).toEqual(before);
        const real = await importOrRefusal(kind, text, false);
        // the same file is refused or accepted the same way both times
        expect(real === null).toBe(dry === null);
        if (!real || !dry) {
          seen.refusedFiles++;
          expect(await counts()).toEqual(before);
          return;
        }
        seen.created += real.created;
        seen.rejected += real.rejected.length;
        checkReport(real, recordBound(text));
        expect(withoutIds(real)).toEqual(withoutIds(dry));
        expect(dry.createdIds).toEqual([]);

        const after = await counts();
        expect(after[table]! - before[table]!).toBe(real.created);
        expect(real.createdIds).toHaveLength(real.created);
        if (real.createdIds.length) {
          const [found] = await queryRows<{ n: number }>(
            h.db,
            sql`select count(*)::int as n from ${sql.identifier(table)} where id in (${sql.join(
              real.createdIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`,
          );
          expect(Number(found!.n)).toBe(real.created);
        }
        // imports create no accounts and write no audit (the admin page audits the run itself)
        expect(after.users).toBe(before.users);
        expect(after.audit_events).toBe(before.audit_events);
        if (kind !== "offers") expect(after.employers).toBe(before.employers);
        if (real.created + real.updated === 0) expect(after).toEqual(before);
        await expectWholeRows();
      }),
      { numRuns: 40 },
    );
    console.log(`${kind}: ${JSON.stringify(seen)}`);
    // the generator does reach the writing code, and the checks
    expect(seen.created).toBeGreaterThan(5);
    expect(seen.rejected).toBeGreaterThan(5);
  });

  it("importing the same file again changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(hostileFile(kind), async (text) => {
        const first = await importOrRefusal(kind, text, false);
        if (!first) return;
        const before = await counts();
        const again = await importOrRefusal(kind, text, false);
        expect(again!.created).toBe(0);
        expect(again!.updated).toBe(0);
        expect(again!.unchanged).toBe(first.created + first.updated + first.unchanged);
        expect(again!.rejected).toEqual(first.rejected);
        expect(await counts()).toEqual(before);
      }),
      { numRuns: 15 },
    );
  });
});

/** Every imported row is whole: a profile has its sought jobs, an offer its employer, each its place. */
async function expectWholeRows() {
  const [bad] = await queryRows<Record<string, number>>(
    h.db,
    sql`select
      (select count(*)::int from beneficiary_profiles p where p.external_id is not null and (p.location is null or p.commune_insee is null
        or not exists (select 1 from profile_jobs j where j.profile_id = p.id and j.kind = 'sought'))) as profiles,
      (select count(*)::int from offers o where o.external_id is not null and (o.location is null
        or not exists (select 1 from employers e where e.id = o.employer_id))) as offers,
      (select count(*)::int from formations f where f.external_id is not null and (f.location is null or f.title = '')) as formations`,
  );
  expect(bad).toEqual({ profiles: 0, offers: 0, formations: 0 });
}

describe("imports from the admin page (preview, run) on arbitrary input", () => {
  it("any input is a result or a BAD_REQUEST with field messages, and a preview writes nothing", async () => {
    // several admins: the import limit (per admin and hour) is not what is tested here
    const admins = await Promise.all([1, 2, 3].map(() => callerAs(h.db, "admin")));
    let call = 0;
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({ kind: fc.oneof(fc.constantFrom(...IMPORT_KINDS), fc.string()), text: fc.oneof(fc.string({ unit: "binary" }), fc.anything()) }),
          fc.constantFrom(...IMPORT_KINDS).chain((kind) => fc.record({ kind: fc.constant(kind), text: hostileFile(kind) })),
        ),
        async (input) => {
          try {
            const preview = await admins[call++ % admins.length]!.caller.imports.preview(input as never);
            expect(preview.checksum).toMatch(/^[0-9a-f]{64}$/);
            checkReport(preview, recordBound((input as { text: string }).text));
          } catch (err) {
            expect(err).toBeInstanceOf(TRPCError);
            const e = err as TRPCError;
            if (e.code === "TOO_MANY_REQUESTS") return;
            expect(e.code).toBe("BAD_REQUEST");
            expect(e.message).not.toBe("");
          }
        },
      ),
      { numRuns: 60 },
    );
    const after = await counts();
    expect(after).toEqual(before);
  });

  it("a run whose checksum is not the previewed file's is refused and writes nothing", async () => {
    const { caller } = await callerAs(h.db, "admin");
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...IMPORT_KINDS).chain((kind) => fc.record({ kind: fc.constant(kind), text: hostileFile(kind) })),
        fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 64, maxLength: 64 }),
        async (input, checksum) => {
          const before = await counts();
          const outcome = await caller.imports.run({ ...input, checksum }).then(
            () => "ok",
            (err: TRPCError) => err,
          );
          expect(outcome).toBeInstanceOf(TRPCError);
          const e = outcome as TRPCError;
          expect(["BAD_REQUEST", "TOO_MANY_REQUESTS"]).toContain(e.code);
          if (e.code === "BAD_REQUEST") expect((e.cause as { fields?: unknown }).fields).toEqual({ checksum: [FILE_CHANGED] });
          expect(await counts()).toEqual(before);
        },
      ),
      { numRuns: 20 },
    );
  });
});
