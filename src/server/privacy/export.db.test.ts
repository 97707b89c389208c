import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../audit/record";
import type { DatabaseHandle } from "../db/client";
import { notifications } from "../notifications/schema";
import { callerAs, callerFor } from "../testing/callers";
import { openTestDatabase } from "../testing/db";
import { seedRichPerson } from "../testing/rich-person";
import { personActionLabel } from "./export";
import { renderExportPdf } from "./export-pdf";
import { exportSections } from "./export-text";

// Each test seeds a person in every table and dumps the whole database: slow on a busy machine.
const SLOW = 240_000;

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

describe("my data export", () => {
  it("holds every section: account, CV, applications, proposals, placements and check-ins, notes, notifications, e-mails, who read what", async () => {
    const p = await seedRichPerson(h.db);
    await h.db.insert(notifications).values({ userId: p.user.id, kind: "test", title: "Une entreprise veut vous rencontrer" });
    // a read by a newer module whose action code has no label yet
    await recordAudit(h.db, { actorId: p.adviser.id, action: "profile.read_identity", subjectType: "profile", subjectId: p.profileId });

    const data = (await p.me.privacy.exportMine())!;
    expect(data.account).toMatchObject({ id: p.user.id, email: p.email, firstName: p.firstName, lastName: p.lastName, role: "beneficiary" });
    expect(data.account).not.toHaveProperty("passwordHash");
    expect(data.profile).toMatchObject({ id: p.profileId, phone: p.phone, externalId: p.externalId, communeInsee: "41018" });
    expect(data.profile?.commune?.name).toBe("Blois");
    expect(data.profile?.jobs.map((j) => j.romeCode)).toEqual(["J1501"]);
    expect(data.profile?.adviserName).toBe(`${p.adviser.firstName} ${p.adviser.lastName}`);
    expect(data.profile).not.toHaveProperty("importHash", expect.anything());
    expect(data.applications.map((a) => a.offer?.id)).toEqual([p.offer.id]);
    expect(data.proposals.map((x) => [x.fromKind, x.status]).sort()).toEqual([
      ["adviser", "pending"],
      ["employer", "accepted"],
    ]);
    expect(data.placements).toHaveLength(1);
    expect(data.placements[0]!.checkIns.map((c) => [c.monthsAfter, c.status])).toEqual([
      [1, "in_post"],
      [3, "pending"],
      [6, "pending"],
    ]);
    expect(data.placements[0]!.checkIns[0]!.note).toBe(`${p.firstName} va bien.`);
    expect(data.adviserNotes).toEqual([expect.objectContaining({ body: expect.stringContaining("motivée"), author: `${p.adviser.firstName} ${p.adviser.lastName}` })]);
    expect(data.notifications.map((n) => n.title)).toContain("Une entreprise veut vous rencontrer");
    expect(data.emails.length).toBeGreaterThan(0); // the password reset e-mail
    expect(data.emails[0]).not.toHaveProperty("body");

    // who read or changed what, and when, with the staff member's role and name
    const opened = data.accountHistory.find((e) => e.action === "profile.file_open");
    expect(opened).toMatchObject({
      label: "Dossier d'une personne consulté",
      about: "Personne",
      who: { kind: "user", role: "adviser", roleLabel: "Conseiller ou conseillère", name: `${p.adviser.firstName} ${p.adviser.lastName}` },
    });
    expect(opened!.at).toBeInstanceOf(Date);
    expect(data.accountHistory.find((e) => e.action === "profile.read_identity")).toMatchObject({ label: "Consultation : dossiers des personnes" });
    expect(data.accountHistory.find((e) => e.action === "account.sign_up")).toMatchObject({ who: { kind: "self" } });
    // changes to her placement by the adviser are listed too
    expect(data.accountHistory.some((e) => e.action === "checkin.record" && e.who.kind === "user")).toBe(true);

    // the plain-French version (page and PDF) has every section, each with the seeded data
    const sections = exportSections(data);
    expect(sections.map((x) => x.id)).toEqual(["compte", "cv", "candidatures", "propositions", "emplois", "notes", "notifications", "e-mails", "messages", "journal"]);
    for (const x of sections) expect(x.entries.length, x.id).toBeGreaterThan(0);
    const text = (id: string) => JSON.stringify(sections.find((x) => x.id === id));
    expect(text("cv")).toContain(p.phone);
    expect(text("cv")).toContain("Aide-soignant");
    expect(text("emplois")).toContain("Suivi à 1 mois");
    expect(text("emplois")).toContain("toujours en poste");
    expect(text("journal")).toContain(`Dossier d'une personne consulté — Conseiller ou conseillère : ${p.adviser.firstName} ${p.adviser.lastName}`);
    expect(text("journal")).toContain("Consultation : dossiers des personnes");
    const pdf = await renderExportPdf(data);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/NotoSans/); // the embedded font, not Helvetica
    expect(pdf.toString("latin1")).not.toMatch(/Helvetica/);
  }, SLOW);

  it("unknown action codes still read as a sentence", () => {
    expect(personActionLabel("profile.read_contact")).toBe("Consultation : dossiers des personnes");
    expect(personActionLabel("candidate.view_handle")).toBe("Consultation : candidats");
    expect(personActionLabel("zzz.frobnicate")).toBe("Action sur vos données : vos données");
    expect(personActionLabel("profile.file_open")).toBe("Dossier d'une personne consulté");
  }, SLOW);

  it("nobody reads someone else's export: each caller gets only their own, anonymous callers nothing", async () => {
    const p = await seedRichPerson(h.db);
    for (const role of ["beneficiary", "employer", "training_org", "adviser", "admin"] as const) {
      const { user, caller } = await callerAs(h.db, role);
      const theirs = await caller.privacy.exportMine();
      expect(theirs?.account.id).toBe(user.id);
      const text = JSON.stringify(theirs);
      for (const needle of [p.profileId, p.user.id, p.email, p.lastName]) expect(text, role).not.toContain(needle);
    }
    // the company she accepted and the adviser who follows her do not get her export either
    for (const caller of [p.companyCaller, p.adviserCaller]) {
      const text = JSON.stringify(await caller.privacy.exportMine());
      expect(text).not.toContain(p.profileId);
      expect(text).not.toContain(p.email);
    }
    await expect((await callerFor(h.db, null)).privacy.exportMine()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  }, SLOW);
});
