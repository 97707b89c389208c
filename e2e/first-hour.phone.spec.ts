import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./axe";
import { DEMO, DEMO_PASSWORD, signIn, signUpWithCv } from "./helpers";

// Issue 18, the beneficiary's first hour on a 360 px phone: every commune of a shared
// postcode, a forgiving commune search, an optional skills step read aloud, and a way
// forward when nothing is near home.

async function checkPage(page: Page, label: string) {
  await expectNoHorizontalScroll(page, 360);
  await expectNoAxeViolations(page, label);
}

const saveStep = (page: Page) => page.getByRole("button", { name: "Enregistrer et continuer" }).click();

test("the commune search lists every commune of 41100 and reaches Blois from « blos »", async ({ page }) => {
  await signUpWithCv(page, { firstName: "Odile", lastName: "Postal", commune: "Vendôme", job: "aide soi", jobOption: "Aide-soignant / Aide-soignante" });
  await page.goto("/beneficiaire/cv/modifier/lieu");
  await page.getByRole("button", { name: /Changer de commune/ }).click();
  const commune = page.getByRole("combobox", { name: /Votre commune/ });
  await commune.fill("41100");
  const options = page.getByRole("option");
  await expect(options.first()).toContainText("Vendôme");
  const count = await options.count();
  expect(count).toBeGreaterThanOrEqual(25);
  await expect(page.getByRole("status").filter({ hasText: "communes trouvées" })).toContainText(`${count} communes trouvées`);
  // the list scrolls: the last one is there too
  await options.last().scrollIntoViewIfNeeded();
  await expect(options.last()).toBeVisible();
  await checkPage(page, "lieu : 41100");

  await commune.fill("blos");
  await expect(page.getByRole("option", { name: /^Blois / })).toBeVisible();
});

test("the skills step: the most common first, the rest behind « Voir plus », read aloud on tap, none ticked is fine", async ({ page }) => {
  // what the page asks the browser to say, without silencing it
  await page.addInitScript(() => {
    const said: Array<{ text: string; lang: string }> = [];
    (window as unknown as { said: typeof said }).said = said;
    if ("speechSynthesis" in window) {
      const speak = window.speechSynthesis.speak.bind(window.speechSynthesis);
      window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
        said.push({ text: u.text, lang: u.lang });
        speak(u);
      };
    }
  });
  await signUpWithCv(page, { firstName: "Basile", lastName: "Lecture", commune: "Blois", job: "aide soi", jobOption: "Aide-soignant / Aide-soignante" });
  await page.goto("/beneficiaire/cv/modifier/competences");
  await expect(page.getByText("cela aide les entreprises à vous trouver")).toBeVisible();
  const group = page.getByRole("group", { name: /Pour le métier : Aide-soignant/ });
  await expect(group).toBeVisible();
  // five shown, the others folded
  const more = group.locator("details");
  await expect(more.locator("summary")).toHaveText(/^Voir plus \(\d+\)$/);
  const shown = await group.getByRole("checkbox").evaluateAll((boxes) => boxes.filter((b) => !b.closest("details")).length);
  expect(shown).toBe(5);
  await checkPage(page, "compétences");

  // each label read aloud on tap, in French
  const firstLabel = (await group.locator(".skill-line").first().locator("label").textContent())!.trim();
  await group.getByRole("button", { name: `Écouter : ${firstLabel}` }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { said: unknown[] }).said)).toEqual([{ text: firstLabel, lang: "fr-FR" }]);

  await more.locator("summary").click();
  await expect(more.getByRole("checkbox").first()).toBeVisible();
  await checkPage(page, "compétences, toutes");

  // untick everything: the step still goes on
  const ticked = page.getByRole("checkbox", { checked: true });
  while ((await ticked.count()) > 0) await ticked.first().uncheck();
  await expect(page.getByText("Aucune case cochée pour l'instant.")).toBeVisible();
  await saveStep(page);
  await expect(page).toHaveURL(/disponibilites$/);
});

test("nothing near home without a car: offers a bit further with a one-tap widen, mobility help, an adviser", async ({ page }) => {
  await signUpWithCv(page, { firstName: "Noé", lastName: "Apied", commune: "Villiersfaux", job: "aide soi", jobOption: "Aide-soignant / Aide-soignante" });
  // on foot, 2 km at most, no car
  await page.goto("/beneficiaire/cv/modifier/deplacements");
  await page.getByRole("checkbox", { name: "Voiture" }).uncheck();
  await page.getByRole("checkbox", { name: "À pied" }).check();
  await page.getByLabel("Distance au plus").fill("2");
  await page.getByRole("radio", { name: "Non", exact: true }).check();
  await saveStep(page);
  await expect(page).toHaveURL(/metiers$/);

  await page.goto("/beneficiaire/offres");
  await expect(page.getByTestId("results-count")).toHaveText("Aucune offre à moins de 2 km");
  const nothing = page.getByTestId("rien-pres");
  const further = nothing.getByTestId("plus-loin");
  await expect(further).toHaveText(/^(\d+ offres|1 offre) entre 2 et (\d+) km de chez vous\.$/);
  const [, , toKm] = /entre (\d+) et (\d+) km/.exec((await further.textContent())!)!;
  await expect(nothing.getByRole("heading", { name: "Pas de voiture ? Des aides pour vous déplacer" })).toBeVisible();
  for (const help of ["Transport à la demande", "Permis aidé", "Garage solidaire", "Covoiturage"]) {
    await expect(nothing.getByRole("heading", { name: help, level: 3 })).toBeVisible();
  }
  await expect(nothing.getByRole("link", { name: /Appeler le 02 61 91 00 01/ })).toHaveAttribute("href", "tel:0261910001");
  await expect(nothing.getByRole("heading", { name: "Parler à mon conseiller" })).toBeVisible();
  await expect(nothing.getByTestId("sans-conseiller")).toContainText("Vous n'avez pas encore de conseiller");
  await checkPage(page, "offres : rien près de chez moi");

  await nothing.getByRole("button", { name: `Voir les offres jusqu'à ${toKm} km` }).click();
  await expect(page.getByTestId("offer-card").first()).toBeVisible();
  await expect(page.getByTestId("results-count")).toContainText(`à moins de ${toKm} km`);
  await checkPage(page, "offres après avoir élargi");
});

test("the bottom bar's labels are 14 px at least and fit a 360 px phone", async ({ page }) => {
  await signUpWithCv(page, { firstName: "Léon", lastName: "Barre", commune: "Blois", job: "aide soi", jobOption: "Aide-soignant / Aide-soignante" });
  await page.goto("/beneficiaire");
  const nav = page.getByRole("navigation", { name: "Menu de mon espace" });
  for (const name of ["Accueil", "Offres", "Formations", "Candidatures", "Mon CV"]) {
    const link = nav.getByRole("link", { name, exact: true });
    await expect(link).toBeVisible();
    const size = await link.evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
    expect(size, name).toBeGreaterThanOrEqual(14);
    const overflow = await link.evaluate((e) => e.scrollWidth - e.clientWidth);
    expect(overflow, name).toBeLessThanOrEqual(0);
  }
  await expectNoHorizontalScroll(page, 360);
});

test("the map has an offline base (communes, territories) and its popups never hide home", async ({ page }) => {
  await signIn(page, DEMO.beneficiary(4), DEMO_PASSWORD, /\/beneficiaire$/);
  await page.goto("/beneficiaire/offres?vue=carte");
  const map = page.getByTestId("results-map");
  await expect(map.locator("canvas")).toBeVisible();
  // the communes' names, drawn from the reference data without any tile server
  const names = map.locator(".maplibregl-marker[aria-hidden='true']:not([hidden])");
  await expect(names.first()).toBeVisible();
  // zoomed out, the towns only
  await expect(names.filter({ hasText: /^Blois$/ })).toHaveCount(1);
  await expect(page.getByText("Les territoires du département")).toBeVisible();

  const home = map.getByRole("img", { name: "Votre domicile" });
  await expect(home).toBeVisible();
  const markers = map.locator(".maplibregl-marker[data-count]");
  for (let i = 0; i < Math.min(3, await markers.count()); i++) {
    await markers.nth(i).click();
    const popup = map.locator(".maplibregl-popup");
    await expect(popup).toBeVisible();
    const [a, b] = [await popup.boundingBox(), await home.boundingBox()];
    const overlap = a && b && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlap, `popup ${i} covers home`).toBeFalsy();
    await popup.getByRole("button", { name: "Fermer" }).click();
    await expect(popup).toHaveCount(0);
  }
  await checkPage(page, "carte hors ligne");
});
