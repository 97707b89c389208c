import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TrpcReactProvider } from "@/lib/trpc/client";
import { AccessCodePanel } from "./AccessCodePanel";

// The panel's first render, as the person's file sends it; giving a new code (the confirmed
// action) is played in e2e/adviser-access-letter.phone.spec.ts.

const render = (props: Parameters<typeof AccessCodePanel>[0]) =>
  renderToStaticMarkup(
    <TrpcReactProvider>
      <AccessCodePanel {...props} />
    </TrpcReactProvider>,
  );
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");
const USER = "6f1c2d9e-0000-4000-8000-000000000001";

describe("AccessCodePanel", () => {
  it("shows the code, its expiry and the letter for that code, and offers a new code without giving one", () => {
    const html = render({
      userId: USER,
      personName: "Łucja Nguyễn",
      initial: { code: "K7QM-4XTR-PZ", expiresAt: "2027-02-06T10:00:00.000Z" },
      timeZone: "Europe/Paris",
    });
    expect(text(html)).toContain("Code à donner à Łucja Nguyễn : K7QM-4XTR-PZ");
    expect(text(html)).toContain("jusqu'au 6 février 2027");
    expect(html).toContain(`href="/api/lettre/${USER}"`);
    expect(text(html)).toContain("Le courrier porte ce même code.");
    expect(text(html)).toContain("Donner un nouveau code");
    expect(text(html)).not.toContain("Oui, donner un nouveau code");
  });

  it("without a code to show, says so and offers a new one, with no letter to download", () => {
    const html = render({ userId: USER, personName: "Zoé", initial: null, timeZone: "Europe/Paris" });
    expect(text(html)).toContain("Aucun code à afficher");
    expect(html).not.toContain("/api/lettre/");
    expect(text(html)).toContain("Donner un nouveau code");
  });

  it("on the creation screen (the letter shows the code) keeps only the PDF and the new-code action", () => {
    const html = render({
      userId: USER,
      personName: "Zoé",
      initial: { code: "K7QM-4XTR-PZ", expiresAt: "2027-02-06T10:00:00.000Z" },
      timeZone: "Europe/Paris",
      showCode: false,
    });
    expect(html).not.toContain("K7QM-4XTR-PZ");
    expect(html).toContain(`href="/api/lettre/${USER}"`);
  });
});
