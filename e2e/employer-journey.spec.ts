import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { freshSiret, passwordInput, signUpWithCv, unique, confirmSignUpCode } from "./helpers";

// An employer in Vendôme signs up with its SIRET, posts an offer for a ROME job, sees ranked
// pseudonymous candidates with their distances, asks to contact one; the person (on their
// phone, another browser) accepts; the employer then sees their name and CV and records the hire.

test("an employer signs up, posts an offer in Vendôme, contacts a candidate who accepts, and hires her", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const companyName = `Menuiserie du Loir ${unique("")}`;

  // ---------------------------------------------------------------- the candidate, on her phone
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const person = await phone.newPage();
  await signUpWithCv(person, { firstName: "Zélie", lastName: "Rabot", commune: "Vendôme", job: "ebeniste", jobOption: "Ebéniste" });

  // ---------------------------------------------------------------- company sign-up: SIRET checked
  await page.goto("/inscription?profil=employeur");
  await expect(page.getByRole("radio", { name: /Je recrute/ })).toBeChecked();
  await page.getByLabel("Numéro SIRET").fill("123 456 789 00012");
  await page.getByLabel("Nom de l'entreprise").fill(companyName);
  const commune = page.getByRole("combobox", { name: "Commune de l'entreprise" });
  await commune.fill("Vendôme");
  await page.getByRole("option", { name: /^Vendôme / }).first().click();
  await page.getByLabel("Prénom").fill("Marc");
  await page.getByLabel("Nom", { exact: true }).fill("Varlope");
  const email = `${unique("marc.")}@exemple.fr`;
  await page.getByLabel("Adresse e-mail").fill(email);
  await passwordInput(page).fill("Rabot41!chene");
  await page.getByLabel("J'accepte les conditions d'utilisation du service.").check();
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByTestId("error-summary")).toBeFocused();
  await expect(page.getByLabel("Numéro SIRET")).toHaveAccessibleDescription(/n'est pas valide/);
  await expectNoAxeViolations(page, "inscription employeur : SIRET refusé");

  await page.getByLabel("Numéro SIRET").fill(freshSiret());
  await passwordInput(page).fill("Rabot41!chene");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await confirmSignUpCode(page, email);
  await expect(page).toHaveURL(/\/employeur$/);
  await expectNoAxeViolations(page, "espace employeur");

  // ---------------------------------------------------------------- an offer: bad input, then published
  await page.getByRole("link", { name: "Publier une offre" }).first().click();
  await expect(page).toHaveURL(/\/employeur\/offres\/nouvelle$/);
  await expectNoAxeViolations(page, "nouvelle offre");
  await page.getByRole("combobox", { name: "Métier" }).fill("ebeniste");
  await page.getByRole("option", { name: "Ebéniste", exact: true }).click();
  await expect(page.getByTestId("commune-chosen")).toContainText("Vendôme");
  await page.getByRole("radio", { name: "CDI" }).check();
  await page.getByLabel("Heures par semaine").fill("35");
  await page.getByRole("checkbox", { name: "De jour" }).check();
  await page.getByLabel("Description du poste").fill("Fabrication de meubles sur mesure en chêne massif, dans un atelier de six personnes.");
  await page.getByLabel("Distance maximale des candidats (en km)").fill("0");
  await page.getByRole("button", { name: "Publier l'offre" }).click();
  await expect(page.getByTestId("error-summary")).toBeFocused();
  await expect(page.getByLabel("Distance maximale des candidats (en km)")).toHaveAccessibleDescription(/km/);
  await expectNoAxeViolations(page, "nouvelle offre avec erreurs");
  await page.getByLabel("Distance maximale des candidats (en km)").fill("30");
  await page.getByRole("checkbox", { name: /^Exigée : / }).first().check();
  await page.getByRole("button", { name: "Publier l'offre" }).click();
  await expect(page).toHaveURL(/\/employeur\/offres\/[0-9a-f-]+\?publiee=1$/);
  await expect(page.getByTestId("offer-status")).toHaveText("Publiée");
  await expectNoAxeViolations(page, "offre publiée");

  // ---------------------------------------------------------------- ranked, pseudonymous candidates
  await page.getByRole("link", { name: "Voir les candidats" }).first().click();
  await expect(page).toHaveURL(/\/candidats$/);
  const cards = page.getByTestId("candidate-card");
  await expect(cards.first()).toBeVisible();
  const count = await cards.count();
  for (let i = 0; i < Math.min(count, 5); i++) await expect(cards.nth(i)).toContainText(/km de l'offre/);
  const zelie = cards.filter({ hasText: "Candidat Z." }).filter({ hasText: "Vendôme" }).first();
  await expect(zelie).toContainText("Ebéniste");
  await expect(zelie).not.toContainText("Rabot");
  await expectNoAxeViolations(page, "candidats classés");

  await zelie.getByRole("button", { name: /^Demander à contacter/ }).click();
  await page.getByLabel("Votre message (facultatif)").fill("Bonjour, votre profil nous intéresse pour notre atelier.");
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(page.getByText(/Demande envoyée/)).toBeVisible();
  await expect(zelie.getByTestId("contact-state")).toHaveText("Demande de contact envoyée");
  // Before the person answers, the fiche stays anonymous.
  await zelie.getByRole("link", { name: /^Voir la fiche/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText("Rabot");
  await expect(page.getByText("Rabot")).toHaveCount(0);
  await expectNoAxeViolations(page, "fiche anonyme");
  const candidateUrl = page.url();

  // ---------------------------------------------------------------- the candidate accepts
  await person.goto("/beneficiaire/propositions");
  await expect(person.getByRole("heading", { name: "Une entreprise veut vous contacter" })).toBeVisible();
  await expect(person.getByText(companyName).first()).toBeVisible();
  await expectNoAxeViolations(person, "propositions (téléphone)");
  await person.getByRole("button", { name: "Oui, j'accepte" }).click();
  await expect(person.getByText(/Merci, c'est noté/)).toBeVisible();

  // ---------------------------------------------------------------- the employer sees who she is, and hires her
  await page.goto(candidateUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Zélie Rabot");
  await expect(page.getByText("Ebéniste").first()).toBeVisible();
  await expectNoAxeViolations(page, "fiche après acceptation");
  await page.getByRole("button", { name: "Enregistrer l'embauche" }).click();
  await page.getByRole("button", { name: "Confirmer l'embauche" }).click();
  await expect(page.getByText(/l'embauche de Zélie Rabot est enregistrée/)).toBeVisible();
  await expectNoAxeViolations(page, "embauche enregistrée");

  // The offer's inbox and the company page.
  await page.goto(candidateUrl.replace(/\/candidats\/[^/]+$/, "/candidatures"));
  await expect(page.getByTestId("application-card").first()).toBeVisible();
  await expectNoAxeViolations(page, "candidatures de l'offre");
  await page.goto("/employeur/entreprise");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mon entreprise");
  await expectNoAxeViolations(page, "mon entreprise");

  // She reads it among her applications.
  await person.goto("/beneficiaire/candidatures");
  await expect(person.getByRole("article").filter({ hasText: "Ebéniste" }).first()).toBeVisible();
  await phone.close();
});
