// Renders the follow-up forms to HTML (no browser) to check their labels, buttons and
// accessibility wiring; the journeys themselves are Playwright's.
import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {}, push: () => {} }) }));

const { TrpcReactProvider } = await import("@/lib/trpc/client");
const { RecordCheckInForm } = await import("./RecordCheckInForm");
const { CreatePlacementForm } = await import("./CreatePlacementForm");

function html<P extends object>(component: ComponentType<P>, props: P): string {
  return renderToStaticMarkup(createElement(TrpcReactProvider, null, createElement(component, props)));
}

const reasons = [
  { code: "resignation", label: "Démission" },
  { code: "trial_period", label: "Période d'essai non confirmée" },
];

describe("record a check-in form", () => {
  it("asks where the person stands, with a note and one button", () => {
    const out = html(RecordCheckInForm, { checkInId: "0b6f0f7e-1111-4222-8333-444455556666", monthsAfter: 6, personName: "Léa", exitReasons: reasons });
    expect(out).toContain("Où en est Léa à 6 mois ?");
    for (const label of ["Toujours en poste", "Le contrat a pris fin", "Injoignable", "Note", "Enregistrer le point de suivi"]) expect(out).toContain(label);
    expect(out).toMatch(/<label for="ci-0b6f0f7e-note"/);
    expect(out).toMatch(/<textarea[^>]*id="ci-0b6f0f7e-note"[^>]*aria-describedby="ci-0b6f0f7e-note-hint"/);
    // the reason appears only once "ended" is chosen
    expect(out).not.toContain("Raison de la fin du contrat");
  });

  it("a check-in not due yet only reports an end, with the reasons of the instance", () => {
    const out = html(RecordCheckInForm, { checkInId: "0b6f0f7e-1111-4222-8333-444455556666", monthsAfter: 3, personName: "Léa", exitReasons: reasons, endOnly: true });
    expect(out).toContain("Le contrat de Léa a pris fin ?");
    expect(out).not.toContain("Toujours en poste");
    expect(out).toContain("Raison de la fin du contrat");
    expect(out).toContain("Période d&#x27;essai non confirmée");
    expect(out).toContain("Date de fin");
  });
});

describe("record a job by hand form", () => {
  it("has labelled fields for employer, job, ROME, contract, start date and hours", () => {
    const out = html(CreatePlacementForm, { profileId: "0b6f0f7e-1111-4222-8333-444455556666" });
    for (const [id, label] of [
      ["placement-employer", "Employeur"],
      ["placement-job", "Poste occupé"],
      ["placement-rome", "Code ROME"],
      ["placement-contract", "Type de contrat"],
      ["placement-start", "Date de début"],
      ["placement-hours", "Heures par semaine"],
    ]) {
      expect(out).toMatch(new RegExp(`<label for="${id}" class="field__label">${label}`));
    }
    expect(out).toContain('type="date"');
    expect(out).toContain("Contrat d&#x27;insertion (IAE)");
    expect(out).toContain("Enregistrer l&#x27;emploi");
  });
});
