import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./axe";
import { expectSignInRefused, fillSignIn, passwordInput, unique, confirmSignUpCode } from "./helpers";

// The beneficiary's whole journey on a 360 × 740 phone: sign up, build the CV step by step,
// see offers near Blois, apply, follow the application, download the CV and the data, hide
// the profile, erase the account. Every page visited: axe scan and no sideways scroll.

async function checkPage(page: Page, label: string) {
  await expectNoHorizontalScroll(page, 360);
  await expectNoAxeViolations(page, label);
}

async function saveStep(page: Page) {
  await page.getByRole("button", { name: "Enregistrer et continuer" }).click();
}

async function expectStep(page: Page, slug: string, n: number) {
  await expect(page).toHaveURL(new RegExp(`/beneficiaire/cv/modifier/${slug}$`));
  await expect(page.getByText(`Étape ${n} sur 7`)).toBeVisible();
}

/** "À 12 km", "À 7,5 km", "À moins d'1 km" → kilometres */
function kmOf(text: string): number | null {
  const m = /À (moins d'1|\d+(?:,\d+)?) km/.exec(text);
  if (!m) return null;
  return m[1] === "moins d'1" ? 0.5 : Number(m[1]!.replace(",", "."));
}

async function downloadBytes(page: Page, trigger: () => Promise<void>): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent("download"), trigger()]);
  const path = await download.path();
  return readFile(path);
}

test("a new person builds a CV on the phone, applies near Blois, downloads CV and data, then erases the account", async ({ page }) => {
  test.setTimeout(300_000);
  const email = `${unique("lea.")}@exemple.fr`;
  const password = "Loire41!velo";

  // ---------------------------------------------------------------- sign up
  await page.goto("/inscription?profil=candidat");
  await page.getByLabel("Prénom").fill("Léa");
  await page.getByLabel("Nom", { exact: true }).fill("Essai");
  await page.getByLabel("Adresse e-mail").fill(email);
  await passwordInput(page).fill(password);
  await page.getByLabel("J'accepte les conditions d'utilisation du service.").check();
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await confirmSignUpCode(page, email);
  await expect(page).toHaveURL(/\/beneficiaire$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Léa");

  // The home: an empty CV, a progress bar, the tab bar with the current page marked.
  await expect(page.getByRole("progressbar", { name: "Votre CV est rempli à 0 %" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Menu de mon espace" });
  await expect(nav.getByRole("link", { name: "Accueil" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Mon CV" })).toBeInViewport();
  await checkPage(page, "accueil du bénéficiaire");
  await page.getByRole("link", { name: "Continuer mon CV" }).click();

  // ---------------------------------------------------------------- 1. where I live
  await expectStep(page, "lieu", 1);
  await checkPage(page, "étape 1 : lieu");
  const commune = page.getByRole("combobox", { name: /Votre commune/ });
  await commune.fill("blois");
  // Nothing picked from the list yet: the server's message goes beside the field.
  await saveStep(page);
  await expect(page.getByTestId("error-summary")).toBeFocused();
  await expect(commune).toHaveAccessibleDescription(/Choisissez votre commune dans la liste/);
  await expect(commune).toHaveAttribute("aria-invalid", "true");
  await checkPage(page, "étape 1 avec erreur");

  // What was typed survives a reload (draft in sessionStorage).
  await page.reload();
  await expect(commune).toHaveValue("blois");
  await expect(page.getByText("Nous avons remis les réponses")).toBeVisible();

  // Keyboard: the arrows move in the list, Enter picks.
  await commune.focus();
  await expect(page.getByRole("option", { name: /^Blois 41000/ })).toBeVisible();
  await expect(commune).toHaveAttribute("aria-expanded", "true");
  await checkPage(page, "liste des communes ouverte");
  await commune.press("ArrowDown");
  await expect(page.getByRole("option", { selected: true })).toHaveAccessibleName(/^Blois 41000/);
  await expect(commune).toHaveAttribute("aria-activedescendant", (await page.getByRole("option", { selected: true }).getAttribute("id"))!);
  await commune.press("Enter");
  await expect(page.getByTestId("commune-choisie")).toHaveText(/^Blois \(41000/);

  // The network drops: the answers stay, a plain message says so.
  await page.route("**/api/trpc/profile.savePlace**", (route) => route.abort("internetdisconnected"));
  await saveStep(page);
  await expect(page.getByText("Pas de connexion : vos réponses sont gardées, réessayez.")).toBeVisible();
  await expect(page.getByTestId("commune-choisie")).toHaveText(/^Blois/);
  await page.unroute("**/api/trpc/profile.savePlace**");
  await saveStep(page);

  // ---------------------------------------------------------------- 2. how I get around
  await expectStep(page, "deplacements", 2);
  await page.getByRole("checkbox", { name: "Voiture" }).check();
  await page.getByRole("button", { name: "20 km", exact: true }).click();
  await expect(page.getByRole("button", { name: "20 km", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("slider", { name: "Distance au plus" })).toHaveValue("20");
  await page.getByRole("radio", { name: "Oui", exact: true }).check();
  await checkPage(page, "étape 2 : déplacements");
  // No answer about the licence: the server's message beside that question.
  await saveStep(page);
  const licence = page.getByRole("group", { name: "Avez-vous le permis de conduire ?" });
  await expect(licence).toHaveAccessibleDescription(/Dites si vous avez le permis/);
  await expect(page.getByRole("checkbox", { name: "Voiture" })).toBeChecked();
  await page.getByRole("radio", { name: /Permis B/ }).check();
  await saveStep(page);

  // ---------------------------------------------------------------- 3. jobs
  await expectStep(page, "metiers", 3);
  await page.getByRole("combobox", { name: "Le métier que vous cherchez" }).fill("aide soi");
  await page.getByRole("option", { name: "Aide-soignant / Aide-soignante", exact: true }).click();
  await expect(page.getByRole("list", { name: "Métiers choisis" })).toContainText("Aide-soignant / Aide-soignante");
  await checkPage(page, "étape 3 : métiers");
  await saveStep(page);

  // ---------------------------------------------------------------- 4. skills
  await expectStep(page, "competences", 4);
  const jobSkills = page.getByRole("group", { name: /Pour le métier : Aide-soignant/ });
  await expect(jobSkills).toBeVisible();
  for (let i = 0; i < 3; i++) await jobSkills.getByRole("checkbox").nth(i).check();
  await expect(page.getByText("3 cases cochées.")).toBeVisible();
  await checkPage(page, "étape 4 : compétences");
  await saveStep(page);

  // ---------------------------------------------------------------- 5. availability
  await expectStep(page, "disponibilites", 5);
  await page.getByRole("radio", { name: "Dès maintenant" }).check();
  await page.getByRole("radio", { name: "Les deux" }).check();
  for (const moment of ["De jour", "De nuit", "Le week-end"]) await page.getByRole("checkbox", { name: moment }).check();
  await checkPage(page, "étape 5 : disponibilités");
  await saveStep(page);

  // ---------------------------------------------------------------- 6. background
  await expectStep(page, "parcours", 6);
  await page.getByRole("button", { name: "Ajouter une formation" }).click();
  await page.getByLabel("Nom de la formation ou du diplôme").fill("Diplôme d'État d'aide-soignant");
  await page.getByLabel(/^Année/).fill("2021");
  await page.getByLabel(/Quelques mots sur moi/).fill("J'aime aider les personnes âgées.");
  await checkPage(page, "étape 6 : parcours");
  await saveStep(page);

  // ---------------------------------------------------------------- 7. visibility
  await expectStep(page, "visibilite", 7);
  await expect(page.getByText("Si vous touchez le RSA")).toBeVisible();
  await page.getByRole("radio", { name: /Oui, montrer mon profil/ }).check();
  await checkPage(page, "étape 7 : visibilité");
  await saveStep(page);

  // ---------------------------------------------------------------- my CV
  await expect(page).toHaveURL(/\/beneficiaire\/cv\?enregistre=1$/);
  await expect(page.getByText("Votre CV est enregistré.")).toBeVisible();
  const sheet = page.getByRole("article", { name: "Léa Essai" });
  await expect(sheet).toContainText("Aide-soignant / Aide-soignante");
  await expect(sheet).toContainText("Blois");
  await expect(sheet).toContainText("Voiture, jusqu'à 20 km");
  await expect(sheet).toContainText("Diplôme d'État d'aide-soignant (2021)");
  await checkPage(page, "mon CV");

  await page.goto("/beneficiaire");
  await expect(page.getByRole("progressbar", { name: "Votre CV est rempli à 100 %" })).toBeVisible();

  // ---------------------------------------------------------------- offers near Blois
  await page.goto("/beneficiaire/offres");
  const offers = page.getByRole("article");
  await expect(offers.first()).toBeVisible();
  const count = await offers.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < Math.min(count, 10); i++) {
    const km = kmOf((await offers.nth(i).innerText()).replace(/\s+/g, " "));
    expect(km, `offre ${i + 1} sans distance « À N km »`).not.toBeNull();
    expect(km!).toBeLessThanOrEqual(20.5);
  }
  await checkPage(page, "offres près de chez moi");

  const offer = offers.first();
  const offerTitle = (await offer.getByRole("heading").first().innerText()).trim();
  await offer.getByRole("button", { name: /Postuler/ }).click();
  const send = page.getByRole("button", { name: /Envoyer ma candidature/ });
  const asks = await send.waitFor({ state: "visible", timeout: 5_000 }).then(
    () => true,
    () => false,
  );
  if (asks) {
    await checkPage(page, "postuler : confirmation");
    await send.click();
  }

  // ---------------------------------------------------------------- my applications
  await expect(async () => {
    await page.goto("/beneficiaire/candidatures");
    await expect(page.getByRole("heading", { name: offerTitle })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  const application = page.getByRole("article", { name: offerTitle });
  await expect(application).toContainText("Envoyée");
  await expect(application.getByRole("button", { name: "Retirer ma candidature" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Menu de mon espace" }).getByRole("link", { name: "Candidatures" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await checkPage(page, "mes candidatures");

  // ---------------------------------------------------------------- the CV as a PDF
  await page.goto("/beneficiaire/cv");
  const pdf = await downloadBytes(page, () => page.getByRole("link", { name: "Télécharger mon CV (PDF)" }).click());
  expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");

  // ---------------------------------------------------------------- my data
  await page.goto("/beneficiaire/mes-donnees");
  await checkPage(page, "mes données");
  const json = await downloadBytes(page, () => page.getByRole("link", { name: "Télécharger (JSON)" }).click());
  const data = JSON.parse(json.toString("utf8"));
  expect(data.account.email).toBe(email);
  expect(data.applications.length).toBe(1);

  // Everything in plain French, to read on the phone, print or save as a PDF.
  await page.getByRole("link", { name: "Voir toutes mes données (à lire, imprimer ou PDF)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Toutes mes données" })).toBeVisible();
  for (const title of ["Votre compte", "Votre CV", "Vos candidatures", "Qui a vu ou modifié vos données, et quand"]) {
    await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
  }
  await expect(page.getByRole("region", { name: "Votre compte" })).toContainText(email);
  await expect(page.getByRole("button", { name: "Imprimer" })).toBeVisible();
  await checkPage(page, "toutes mes données");
  const dataPdf = await downloadBytes(page, () => page.getByRole("link", { name: "Télécharger en PDF" }).click());
  expect(dataPdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
  await page.goto("/beneficiaire/mes-donnees");

  // Hide the profile from employers, at once.
  const hide = page.getByRole("switch", { name: "Cacher mon profil aux entreprises" });
  await expect(hide).toHaveAttribute("aria-checked", "false");
  await hide.click();
  await expect(hide).toHaveAttribute("aria-checked", "true");
  await expect(page.getByText("C'est fait : les entreprises ne voient plus votre profil.")).toBeVisible();

  // Erase the account: a wrong password is refused beside the field, the right one erases.
  await page.getByRole("button", { name: "Supprimer mon compte" }).click();
  await passwordInput(page).fill("pas-le-bon-1");
  await page.getByRole("button", { name: "Oui, supprimer mon compte" }).click();
  await expect(passwordInput(page)).toHaveAccessibleDescription(/Mot de passe incorrect/);
  await checkPage(page, "suppression du compte, mauvais mot de passe");
  await passwordInput(page).fill(password);
  await page.getByRole("button", { name: "Oui, supprimer mon compte" }).click();
  await expect(page).toHaveURL(/\/\?compte=supprime$/);
  await expect(page.getByText("Votre compte est supprimé.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Se connecter" }).first()).toBeVisible();
  await checkPage(page, "accueil après suppression");

  // ---------------------------------------------------------------- gone for good
  await page.goto("/beneficiaire");
  await expect(page).toHaveURL(/\/connexion\?retour=/);
  await page.goto("/connexion");
  await fillSignIn(page, email, password);
  await expectSignInRefused(page, "L'adresse e-mail ou le mot de passe n'est pas bon");
});
