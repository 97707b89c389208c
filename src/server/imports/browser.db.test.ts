import { readFileSync } from "node:fs";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../audit/schema";
import { queryRows, type DatabaseHandle } from "../db/client";
import { beneficiaryProfiles } from "../profiles/schema";
import { callerAs } from "../testing/callers";
import { fieldErrors } from "../testing/errors";
import { openTestDatabase } from "../testing/db";
import { FILE_CHANGED, MAX_IMPORT_BYTES, TOO_LARGE } from "./browser";
import { IMPORT_KINDS, importCsv } from "./index";
import { IMPORT_MODELS } from "./models";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

async function profileCount(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(h.db, sql`select count(*)::int as n from beneficiary_profiles`);
  return Number(row!.n);
}

// Line 3 names a job code the ROME does not have: refused, the two others are imported.
const CSV = [
  "external_id;first_name;last_name;commune_insee;jobs",
  "W001;Awa;Traoré;41018;J1501",
  "W002;Bruno;Roux;41018;J9999",
  "W003;Chloé;Martin;41269;10891",
  "",
].join("\n");

describe("imports from the admin pages", () => {
  it("previews without writing, then imports the previewed file and returns the created ids", async () => {
    const { caller: admin, user } = await callerAs(h.db, "admin");
    const before = await profileCount();
    const preview = await admin.imports.preview({ kind: "beneficiaries", text: CSV });
    expect(preview).toMatchObject({ created: 2, updated: 0, unchanged: 0, createdIds: [] });
    expect(preview.rejected).toEqual([{ line: 3, reason: expect.stringMatching(/code métier inconnu du ROME : J9999/) }]);
    expect(preview.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(await profileCount()).toBe(before);

    const report = await admin.imports.run({ kind: "beneficiaries", text: CSV, checksum: preview.checksum });
    expect(report).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(report.rejected.map((r) => r.line)).toEqual([3]);
    expect(await profileCount()).toBe(before + 2);
    const rows = await h.db
      .select({ id: beneficiaryProfiles.id, externalId: beneficiaryProfiles.externalId })
      .from(beneficiaryProfiles)
      .where(inArray(beneficiaryProfiles.externalId, ["W001", "W002", "W003"]));
    expect(rows.map((r) => r.externalId).sort()).toEqual(["W001", "W003"]);
    expect([...report.createdIds].sort()).toEqual(rows.map((r) => r.id).sort());

    const audit = await h.db
      .select({ actorId: auditEvents.actorId, details: auditEvents.details })
      .from(auditEvents)
      .where(eq(auditEvents.action, "import.run"));
    expect(audit).toEqual([
      { actorId: user.id, details: { kind: "beneficiaries", created: 2, updated: 0, unchanged: 0, rejected: 1 } },
    ]);

    // the same file again: nothing new, nothing created
    const again = await admin.imports.run({ kind: "beneficiaries", text: CSV, checksum: preview.checksum });
    expect(again).toMatchObject({ created: 0, unchanged: 2, createdIds: [] });
  });

  it("refuses a file other than the one previewed, or of another kind, and writes nothing", async () => {
    const { caller: admin } = await callerAs(h.db, "admin");
    const { checksum } = await admin.imports.preview({ kind: "beneficiaries", text: CSV });
    const changed = CSV.replace("W003;Chloé", "W004;Chloé");
    const before = await profileCount();
    expect(await fieldErrors(admin.imports.run({ kind: "beneficiaries", text: changed, checksum }))).toEqual({ checksum: [FILE_CHANGED] });
    expect(await fieldErrors(admin.imports.run({ kind: "formations", text: CSV, checksum }))).toEqual({ checksum: [FILE_CHANGED] });
    expect(await profileCount()).toBe(before);
    const [w004] = await h.db.select().from(beneficiaryProfiles).where(eq(beneficiaryProfiles.externalId, "W004"));
    expect(w004).toBeUndefined();
  });

  it("an unusable file is a French message on the file, not a crash", async () => {
    const { caller: admin } = await callerAs(h.db, "admin");
    const noPlace = await fieldErrors(admin.imports.preview({ kind: "beneficiaries", text: "external_id;jobs\nX1;J1501\n" }));
    expect(noPlace.text?.[0]).toMatch(/Colonne obligatoire manquante : commune_insee, postcode ou latitude et longitude/);
    const tooBig = await fieldErrors(admin.imports.preview({ kind: "offers", text: "a".repeat(MAX_IMPORT_BYTES + 1) }));
    expect(tooBig.text).toContain(TOO_LARGE);
    // 5 MB counted in bytes: accented letters take two
    const accents = await fieldErrors(admin.imports.preview({ kind: "offers", text: "é".repeat(MAX_IMPORT_BYTES / 2 + 1) }));
    expect(accents.text).toContain(TOO_LARGE);
    const badKind = await fieldErrors(admin.imports.preview({ kind: "users" as "offers", text: CSV }));
    expect(badKind.kind?.[0]).toMatch(/Choisissez le type de fichier/);
  });

  it("advisers, employers and beneficiaries are refused the import", async () => {
    const { checksum } = await (await callerAs(h.db, "admin")).caller.imports.preview({ kind: "beneficiaries", text: CSV });
    for (const role of ["adviser", "employer", "beneficiary"] as const) {
      const { caller } = await callerAs(h.db, role);
      await expect(caller.imports.run({ kind: "beneficiaries", text: CSV, checksum })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.imports.preview({ kind: "beneficiaries", text: CSV })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const runs = await h.db.select().from(auditEvents).where(and(eq(auditEvents.action, "import.run")));
    expect(runs).toHaveLength(2); // the two runs of the first test only
  });
});

describe("the model files offered on the import page", () => {
  it("are the fixtures' header and first line, and import without a refused line", async () => {
    for (const kind of IMPORT_KINDS) {
      const fixture = readFileSync(new URL(`./fixtures/${kind}.csv`, import.meta.url), "utf8").replace(/^\uFEFF/, "");
      expect(IMPORT_MODELS[kind].text).toBe(fixture.split(/\r?\n/).slice(0, 2).join("\n") + "\n");
      const report = await importCsv(h.db, kind, IMPORT_MODELS[kind].text, { dryRun: true });
      expect(report.rejected).toEqual([]);
      expect(report.created + report.updated + report.unchanged).toBe(1);
    }
  });
});
