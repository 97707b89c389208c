import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { DEMO, DEMO_PASSWORD, mailsTo, signIn, signUpWithCv, type Mail } from "./helpers";

// A company publishes an offer in Vendôme; a person who signs up there with a complete CV for
// that job gets the job alert by e-mail (prepared and delivered by the app's notification job);
// the item's link opens the offer, through sign-in when signed out. A forged link opens nothing.

test("a beneficiary gets a job alert e-mail whose link opens the new offer", async ({ page, browser }) => {
  test.setTimeout(240_000);

  // ---------------------------------------------------------------- the employer publishes first
  await signIn(page, DEMO.employer, DEMO_PASSWORD, /\/employeur$/);
  await page.getByRole("link", { name: "Publier une offre" }).first().click();
  await expect(page).toHaveURL(/\/employeur\/offres\/nouvelle$/);
  await page.getByRole("combobox", { name: "Métier" }).fill("ebeniste");
  await page.getByRole("option", { name: "Ebéniste", exact: true }).click();
  const chosen = page.getByTestId("commune-chosen");
  if (!(await chosen.textContent())?.includes("Vendôme")) {
    await page.getByRole("button", { name: /^Changer de commune/ }).click();
    await page.getByRole("combobox", { name: /Commune du poste/ }).fill("Vendôme");
    await page.getByRole("option", { name: /^Vendôme / }).first().click();
  }
  await expect(chosen).toContainText("Vendôme");
  await page.getByRole("radio", { name: "CDI" }).check();
  await page.getByLabel("Heures par semaine").fill("35");
  await page.getByRole("checkbox", { name: "De jour" }).check();
  await page.getByLabel("Description du poste").fill("Meubles sur mesure en chêne, atelier de quatre personnes près de la gare.");
  await page.getByLabel("Distance maximale des candidats (en km)").fill("30");
  await page.getByRole("button", { name: "Publier l'offre" }).click();
  await expect(page).toHaveURL(/\/employeur\/offres\/[0-9a-f-]+\?publiee=1$/);
  const offerId = /\/employeur\/offres\/([0-9a-f-]+)/.exec(page.url())![1]!;

  // ---------------------------------------------------------------- a person signs up there, on her phone
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const person = await phone.newPage();
  const { email } = await signUpWithCv(person, { firstName: "Inès", lastName: "Copeau", commune: "Vendôme", job: "ebeniste", jobOption: "Ebéniste" });

  // ---------------------------------------------------------------- the alert arrives (first alert: the last 7 days; the e2e server runs send-due every minute)
  let alert: Mail | undefined;
  await expect
    .poll(
      async () => {
        alert = (await mailsTo(email)).find((m) => /nouvelles? offres? .*près de chez vous/.test(m.subject));
        return Boolean(alert);
      },
      { message: `a job alert e-mail to ${email}`, timeout: 150_000, intervals: [2_000, 5_000, 10_000] },
    )
    .toBe(true);
  expect(alert!.text).toContain("Ebéniste");
  const links = [...alert!.text.matchAll(/(?:https?:\/\/[^\s/]+)?(\/alerte\/[A-Za-z0-9_-]{24})/g)].map((m) => m[1]!);
  expect(links.length).toBeGreaterThan(0);

  // ---------------------------------------------------------------- signed out: the link goes through sign-in
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  await visitor.goto(links[0]!);
  await expect(visitor).toHaveURL(/\/connexion\?retour=/);
  await anonymous.close();

  // ---------------------------------------------------------------- signed in: one of the links opens the new offer
  const opened: string[] = [];
  for (const link of links) {
    await person.goto(link);
    await expect(person).toHaveURL(/\/beneficiaire\/(offres\/[0-9a-f-]+|formations)/);
    opened.push(new URL(person.url()).pathname);
  }
  expect(opened).toContain(`/beneficiaire/offres/${offerId}`);
  await person.goto(`/beneficiaire/offres/${offerId}`);
  await expect(person.getByTestId("offer-detail")).toContainText("Ebéniste");

  // ---------------------------------------------------------------- a forged link opens nothing
  await person.goto(`/alerte/${"A".repeat(24)}`);
  await expect(person.getByRole("heading", { name: "Ce lien n'est plus valable" })).toBeVisible();
  await expect(person.getByRole("link", { name: "Aller à l'accueil" })).toBeVisible();
  await expectNoAxeViolations(person, "lien d'alerte plus valable");
  await phone.close();
});
