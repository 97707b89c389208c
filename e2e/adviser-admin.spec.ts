import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { DEMO, DEMO_PASSWORD, expectSignInRefused, fillSignIn, passwordInput, signIn, unique } from "./helpers";

test("an adviser creates a beneficiary's account and the person activates it with the code", async ({ page, browser }) => {
  const lastName = unique("Martin");
  await page.goto("/connexion");
  await expectNoAxeViolations(page, "connexion");
  await fillSignIn(page, DEMO.adviser, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/conseiller$/);
  await expectNoAxeViolations(page, "espace conseiller");
  await page.getByRole("link", { name: "Créer le compte d'une personne" }).click();
  await expect(page).toHaveURL(/\/conseiller\/nouvelle-personne$/);

  // Missing names: said field by field.
  await page.getByRole("button", { name: "Créer le compte" }).click();
  await expect(page.getByTestId("error-summary")).toBeFocused();
  await expect(page.getByLabel("Prénom")).toHaveAccessibleDescription(/Indiquez votre prénom/);
  await expectNoAxeViolations(page, "espace conseiller avec erreurs");

  await page.getByLabel("Prénom").fill("Nadia");
  await page.getByLabel("Nom", { exact: true }).fill(lastName);
  await page.getByRole("button", { name: "Créer le compte" }).click();
  await expect(page.getByRole("heading", { name: `Compte créé pour Nadia ${lastName}` })).toBeFocused();
  const letter = page.getByRole("article", { name: `Courrier pour Nadia ${lastName}` });
  await expect(letter).toContainText(new RegExp(`localhost:${process.env.E2E_PORT ?? 3100}/activer`));
  const code = (await page.getByTestId("access-code").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[A-Z0-9-]{10,16}$/);
  await expect(page.getByRole("button", { name: "Imprimer le courrier" })).toBeVisible();
  await expectNoAxeViolations(page, "courrier avec le code");

  // Printing shows only the letter.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.getByRole("button", { name: "Imprimer le courrier" })).toBeHidden();
  await expect(letter).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  // The person, on their own device, activates the account.
  const context = await browser.newContext();
  const person = await context.newPage();
  const email = `${lastName.toLowerCase()}@exemple.fr`;
  await person.goto("/activer");
  await expectNoAxeViolations(person, "activer");
  await person.getByLabel("Code reçu").fill("AAAA-BBBB-CC");
  await person.getByLabel("Votre adresse e-mail").fill(email);
  await passwordInput(person, "Choisissez un mot de passe").fill("Travail41!ok");
  await person.getByRole("button", { name: "Activer mon compte" }).click();
  await expect(person.getByLabel("Code reçu")).toHaveAccessibleDescription(/Ce code n'est pas valable/);
  await expectNoAxeViolations(person, "activer avec erreur");

  await person.getByLabel("Code reçu").fill(code.toLowerCase());
  await person.getByRole("button", { name: "Activer mon compte" }).click();
  await expect(person).toHaveURL(/\/beneficiaire$/);
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("Bonjour Nadia");
  await expectNoAxeViolations(person, "espace bénéficiaire");
  await context.close();
});

test("the admin lists users, creates an adviser and disables then re-enables an account", async ({ page, browser }) => {
  await signIn(page, DEMO.admin, DEMO_PASSWORD, /\/admin$/);
  await expectNoAxeViolations(page, "administration");
  const users = page.getByRole("region", { name: /Comptes/ });
  await expect(users.getByRole("row")).not.toHaveCount(0);

  // Filter by role.
  await page.getByRole("search").getByLabel("Type de compte").selectOption("adviser");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/role=adviser/);
  await expect(users.getByRole("row", { name: new RegExp(DEMO.adviser.replace(/\./g, "\\.")) })).toBeVisible();
  await expect(users.getByRole("cell", { name: "Candidat", exact: true })).toHaveCount(0);

  // Search by address.
  await page.getByRole("search").getByLabel("Type de compte").selectOption("");
  await page.getByLabel("Nom ou adresse e-mail").fill("beneficiaire2@");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/q=beneficiaire2%40/);
  await expect(page.getByText("1 compte.")).toBeVisible();
  await expectNoAxeViolations(page, "administration filtrée");

  // Disable the account: its owner can no longer sign in.
  const row = users.getByRole("row", { name: /beneficiaire2@/ });
  await row.getByRole("button", { name: /^Désactiver le compte de/ }).click();
  await expect(row.getByText("Désactivé")).toBeVisible();
  const context = await browser.newContext();
  const owner = await context.newPage();
  await owner.goto("/connexion");
  await fillSignIn(owner, DEMO.beneficiary(2), DEMO_PASSWORD);
  await expectSignInRefused(owner, "Ce compte est désactivé");
  await context.close();
  await row.getByRole("button", { name: /^Réactiver le compte de/ }).click();
  await expect(row.getByText("Actif")).toBeVisible();

  // Create an adviser: the code is shown once, the account waits for activation.
  const email = `${unique("conseiller.")}@exemple.fr`;
  const form = page.getByRole("region", { name: "Créer un compte professionnel" });
  await form.getByLabel("Type de compte").selectOption("adviser");
  await form.getByLabel("Prénom").fill("Paul");
  await form.getByLabel("Nom", { exact: true }).fill("Nouveau");
  await form.getByLabel("Adresse e-mail professionnelle").fill(email);
  await form.getByLabel("Territoire").selectOption("vendome");
  await form.getByRole("button", { name: "Créer le compte" }).click();
  await expect(form.getByRole("heading", { name: /Compte créé : Paul Nouveau \(Conseiller\)/ })).toBeFocused();
  await expect(form.getByTestId("staff-access-code")).toHaveText(/^[A-Z0-9-]{10,16}$/);
  await expectNoAxeViolations(page, "administration après création");

  await page.goto(`/admin?q=${encodeURIComponent(email)}`);
  const created = users.getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) });
  await expect(created).toContainText("En attente");
  await expect(created).toContainText("Vendôme");
});

test("a beneficiary who opens the admin page is sent back to their own space", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/connexion\?retour=%2Fadmin$/);
  await fillSignIn(page, DEMO.beneficiary(3), DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/beneficiaire\?refuse=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Cette page n'est pas accessible avec votre compte." })).toBeVisible();
  await expectNoAxeViolations(page, "espace bénéficiaire après refus");

  await page.goto("/conseiller");
  await expect(page).toHaveURL(/\/beneficiaire\?refuse=1$/);
});
