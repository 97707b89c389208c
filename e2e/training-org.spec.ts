import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { addDays, todayIn } from "../src/lib/dates";
import { freshSiret, passwordInput, signUpWithCv, unique, confirmSignUpCode } from "./helpers";

// the app's "today" is the instance's (Europe/Paris in the demo), not the UTC date
const isoDate = (daysFromToday: number) => addDays(todayIn("Europe/Paris"), daysFromToday);

async function pickCommune(page: Page, label: string | RegExp, name: string) {
  const field = page.getByRole("combobox", { name: label });
  await field.fill(name);
  await page.getByRole("option", { name: new RegExp(`^${name} `) }).first().click();
}

test("a training organisation signs up, publishes a formation, and a person near it finds it", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const title = `Ébénisterie d'art ${unique("")}`;

  // ---------------------------------------------------------------- sign up as a training organisation
  await page.goto("/inscription?profil=organisme");
  await expect(page.getByRole("radio", { name: /Organisme de formation/ })).toBeChecked();
  await page.getByLabel("Numéro SIRET").fill(freshSiret());
  await page.getByLabel("Nom de l'organisme").fill(`Atelier-école ${unique("")}`);
  await pickCommune(page, "Commune de l'organisme", "Vendôme");
  await page.getByLabel("Prénom").fill("Odile");
  await page.getByLabel("Nom", { exact: true }).fill("Formatrice");
  const email = `${unique("odile.")}@exemple.fr`;
  await page.getByLabel("Adresse e-mail").fill(email);
  await passwordInput(page).fill("Copeaux41!rabot");
  await page.getByLabel("J'accepte les conditions d'utilisation du service.").check();
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await confirmSignUpCode(page, email);
  await expect(page).toHaveURL(/\/organisme$/);
  await expectNoAxeViolations(page, "espace organisme (vide)");

  // ---------------------------------------------------------------- a formation, refused then published
  await page.getByRole("link", { name: "Publier une formation" }).first().click();
  await expect(page).toHaveURL(/\/organisme\/formations\/nouvelle$/);
  await expectNoAxeViolations(page, "nouvelle formation");
  await page.getByLabel("Intitulé de la formation").fill(title);
  await page.getByRole("button", { name: "Publier la formation" }).click();
  await expect(page.getByTestId("error-summary")).toBeFocused();
  await expect(page.getByLabel("Nombre de places")).toHaveAccessibleDescription(/Indiquez le nombre de places/);
  await expectNoAxeViolations(page, "nouvelle formation avec erreurs");

  const jobs = page.getByRole("combobox", { name: "Métiers auxquels la formation prépare" });
  await jobs.fill("ebeniste");
  await page.getByRole("option", { name: "Ebéniste", exact: true }).click();
  await pickCommune(page, "Commune où a lieu la formation", "Vendôme");
  await page.getByLabel("Date de début").fill(isoDate(-3));
  await page.getByLabel("Date de fin").fill(isoDate(90));
  await page.getByLabel("Nombre de places").fill("8");
  // A start in the past is refused beside the field.
  await page.getByRole("button", { name: "Publier la formation" }).click();
  await expect(page.getByLabel("Date de début")).toHaveAccessibleDescription(/pass/i);
  await page.getByLabel("Date de début").fill(isoDate(14));
  await page.getByLabel("Financement").fill("Financée par la Région : gratuite pour vous");
  await page.getByRole("button", { name: "Publier la formation" }).click();
  await expect(page).toHaveURL(/\/organisme\/formations\/[0-9a-f-]+\?fait=publiee$/);
  await expect(page.getByTestId("formation-status")).toHaveText("Publiée");
  await expectNoAxeViolations(page, "formation publiée");

  // ---------------------------------------------------------------- a person in Vendôme finds it
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const person = await context.newPage();
  await signUpWithCv(person, { firstName: "Basile", lastName: "Copeau", commune: "Vendôme", job: "ebeniste", jobOption: "Ebéniste" });
  await person.goto("/beneficiaire/formations");
  const card = person.getByTestId("formation-card").filter({ hasText: title });
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute("data-distance-km", "0");
  await expect(card).toContainText("Vendôme");
  await expectNoAxeViolations(person, "formations près de chez moi");
  await card.getByRole("button", { name: "M'inscrire" }).click();
  await person.getByRole("button", { name: "Envoyer mon inscription" }).click();
  await expect(card).toContainText("Inscription envoyée");

  // ---------------------------------------------------------------- the organisation sees the request
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("heading", { name: /Demandes d'inscription \(1\)/ })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  const applicant = page.getByTestId("applicant").filter({ hasText: "Copeau" });
  await applicant.getByRole("button", { name: "Confirmer l'inscription de Basile Copeau" }).click();
  await expect(applicant).toContainText("Inscription confirmée");
  await expectNoAxeViolations(page, "demandes d'inscription");
  await context.close();
});
