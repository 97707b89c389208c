import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { DEMO, DEMO_PASSWORD, mailsTo, signIn, signUpWithCv } from "./helpers";

// Organisations are told: a person applies to the demo employer's offer, the employer receives
// the e-mail, follows its link to the offer's applications and answers (the hire), the
// confirmation says who will follow the person (nobody does yet: the territory's advisers), and
// the person sees the answer in the app. Then the employer's check-in link (the demo company's
// hire whose 3-month check-in is due) records the answer once and says so on a second visit.
// E-mails leave the outbox through the app server's notification job (src/server/jobs).

/**
 * Waits for an e-mail to `address` whose subject matches (and whose text holds `about`: other
 * specs e-mail the same demo accounts), and returns its text.
 */
async function mailText(address: string, subject: RegExp, about = ""): Promise<string> {
  let text = "";
  await expect
    .poll(
      async () => {
        text = (await mailsTo(address)).filter((m) => subject.test(m.subject) && m.text.includes(about)).pop()?.text ?? "";
        return text;
      },
      { message: `an e-mail to ${address} about ${subject}`, timeout: 120_000 },
    )
    .not.toBe("");
  return text;
}

test("an employer receives the application e-mail, answers, and the person sees it", async ({ page, browser }) => {
  test.setTimeout(300_000);
  // the demo employer's first offer open to applications
  await signIn(page, DEMO.employer, DEMO_PASSWORD, /\/employeur$/);
  const inboxHref = await page.locator('a[href$="/candidatures"]').first().getAttribute("href");
  const offerId = /\/employeur\/offres\/([0-9a-f-]{36})\/candidatures$/.exec(inboxHref ?? "")![1]!;

  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const person = await phone.newPage();
  await signUpWithCv(person, { firstName: "Maëlle", lastName: "Tournesol", commune: "Blois", job: "ebeniste", jobOption: "Ebéniste" });
  await person.goto(`/beneficiaire/offres/${offerId}`);
  await person.getByRole("button", { name: /Postuler/ }).click();
  await person.getByRole("button", { name: /Envoyer ma candidature/ }).click();
  await expect(person.getByText("Candidature envoyée").first()).toBeVisible();

  // ---------------------------------------------------------------- the e-mail and its link
  const text = await mailText(DEMO.employer, /Nouvelle candidature/, "Maëlle Tournesol");
  expect(text).toContain("Maëlle Tournesol a postulé");
  // absolute with AUTH_URL, the path alone without it
  const link = new RegExp(`(/employeur/offres/${offerId}/candidatures)`).exec(text);
  expect(link, "the e-mail links to the offer's applications").not.toBeNull();
  await page.goto(link![1]!);
  const card = page.getByTestId("application-card").filter({ hasText: "Maëlle" }).first();
  await expect(card).toBeVisible();
  await card.getByRole("button", { name: /Embaucher/ }).click();
  await page.getByRole("button", { name: "Confirmer l'embauche" }).click();
  // she has no adviser: the territory's advisers will take it
  await expect(page.getByText(/l'embauche de Maëlle Tournesol est enregistrée\. Un conseiller de .+ va prendre le suivi/)).toBeVisible();
  await expectNoAxeViolations(page, "embauche enregistrée, suivi à prendre");

  // ---------------------------------------------------------------- the person sees the answer
  await person.goto("/beneficiaire/candidatures");
  await expect(person.getByRole("article").filter({ hasText: /embauch/i }).first()).toBeVisible();
  await phone.close();

  // ---------------------------------------------------------------- the Blois adviser finds the hire to follow
  const adviserContext = await browser.newContext();
  const adviser = await adviserContext.newPage();
  await signIn(adviser, DEMO.adviser, DEMO_PASSWORD, /\/conseiller$/);
  await adviser.goto("/conseiller/suivi#a-prendre");
  const toTake = adviser.getByRole("listitem").filter({ hasText: "Maëlle Tournesol" });
  await expect(toTake).toBeVisible();
  await expectNoAxeViolations(adviser, "embauches à prendre en suivi");
  await toTake.getByRole("button", { name: /Je prends le suivi/ }).click();
  await expect(adviser.getByRole("listitem").filter({ hasText: "Maëlle Tournesol" }).getByRole("button", { name: /Je prends le suivi/ })).toHaveCount(0);
  await adviserContext.close();
});

test("the check-in link records the employer's answer once, then says it was already answered", async ({ page }) => {
  test.setTimeout(300_000);
  const text = await mailText(DEMO.employer, /est-il toujours chez vous/);
  const link = /(\/suivi-embauche\/[A-Za-z0-9_-]{43})/.exec(text);
  expect(link, "the e-mail carries the one-click link").not.toBeNull();

  // without signing in; opening it records nothing
  await page.goto(link![1]!);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("est-il toujours chez vous ?");
  await expectNoAxeViolations(page, "lien de suivi d'embauche");
  await page.reload();
  await expect(page.getByRole("button", { name: "Oui, toujours là" })).toBeVisible();

  await page.getByRole("button", { name: "Oui, toujours là" }).click();
  await expect(page.getByText("Merci, votre réponse est enregistrée.")).toBeVisible();
  await expectNoAxeViolations(page, "réponse enregistrée");

  // a second visit: already answered, with the answer; no choices left
  await page.goto(link![1]!);
  await expect(page.getByText("Vous avez déjà répondu.")).toBeVisible();
  await expect(page.getByText(/est toujours chez vous/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Oui, toujours là" })).toHaveCount(0);

  // a forged link says so plainly
  await page.goto(`/suivi-embauche/${"A".repeat(43)}`);
  await expect(page.getByText("Ce lien n'est pas valable.")).toBeVisible();
});
