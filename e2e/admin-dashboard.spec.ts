import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { DEMO, DEMO_PASSWORD, signIn, unique } from "./helpers";

/** The figure a dashboard card shows, as a number ("1 234" → 1234). */
async function shownCount(page: Page, key: string): Promise<number> {
  const text = (await page.getByTestId(`stats-count-${key}-value`).textContent()) ?? "";
  return Number(text.replace(/\D/g, ""));
}

test("an admin imports people with one bad line, assigns them to an adviser and finds them in the dashboard's CSV", async ({ page }) => {
  await signIn(page, DEMO.admin, DEMO_PASSWORD, /\/admin$/);

  // The figure before the import (the e2e database may hold earlier runs: compare, don't guess).
  await page.getByRole("link", { name: "Tableau de bord" }).click();
  await expect(page).toHaveURL(/\/admin\/tableau-de-bord$/);
  await expect(page.getByRole("heading", { level: 1, name: "Tableau de bord" })).toBeVisible();
  const before = await shownCount(page, "beneficiaries_registered");

  // A file of three people, one with a job code that does not exist.
  const tag = unique("E2E");
  const lastName = unique("Traoré");
  const csv = [
    "external_id;first_name;last_name;commune_insee;jobs",
    `${tag}a;Awa;${lastName};41018;J1501`,
    `${tag}b;Bruno;${lastName};41018;J9999`,
    `${tag}c;Chloé;${lastName};41269;10891`,
    "",
  ].join("\n");
  await page.getByRole("link", { name: "Imports" }).click();
  await expect(page).toHaveURL(/\/admin\/imports$/);
  await expectNoAxeViolations(page, "imports");
  await page.getByLabel("Fichier CSV").setInputFiles({ name: "personnes.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  const refused = page.getByRole("table", { name: "Lignes refusées" });
  await expect(refused).toContainText("J9999");
  await expect(refused.getByRole("row")).toHaveCount(2); // header + line 3
  await expect(page.getByTestId("import-preview")).toContainText("À créer : 2");
  await expectNoAxeViolations(page, "aperçu de l'import");

  await page.getByRole("button", { name: "Importer 2 lignes" }).click();
  await expect(page.getByTestId("import-result")).toContainText("2 lignes créées");

  // The two new people go to the Blois adviser at once.
  const adviser = page.getByLabel("Conseiller");
  const blois = await adviser.locator("option", { hasText: "Blois" }).first().getAttribute("value");
  expect(blois).toBeTruthy();
  await adviser.selectOption(blois!);
  await page.getByRole("button", { name: "Affecter 2 personnes créées" }).click();
  await expect(page.getByTestId("assign-created-done")).toContainText("2 personnes affectées");
  await expectNoAxeViolations(page, "import terminé");

  // They are in that adviser's caseload on the assignment page.
  await page.getByRole("link", { name: "Affectations" }).click();
  await expect(page).toHaveURL(/\/admin\/affectations/);
  await page.getByLabel("Afficher", { exact: true }).selectOption(blois!);
  await page.getByLabel("Nom ou identifiant").fill(lastName);
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByRole("checkbox", { name: new RegExp(`Awa ${lastName}`) })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: new RegExp(`Chloé ${lastName}`) })).toBeVisible();
  await expectNoAxeViolations(page, "affectations");

  // The dashboard counts them, and its CSV says the same.
  await page.getByRole("link", { name: "Tableau de bord" }).click();
  await expect(page.getByTestId("stats-count-beneficiaries_registered-value")).toBeVisible();
  const after = await shownCount(page, "beneficiaries_registered");
  expect(after).toBe(before + 2);
  await expectNoAxeViolations(page, "tableau de bord");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger les chiffres de l'activité (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^statistiques-counts-\d{4}-\d{2}-\d{4}-\d{2}\.csv$/);
  const text = readFileSync((await download.path())!, "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const lines = text.slice(1).split("\r\n");
  const header = lines[0]!.split(";");
  const registered = lines.find((l) => l.startsWith("Personnes inscrites;"))!.split(";");
  expect(Number(registered[header.indexOf("Total")])).toBe(after);

  // Narrowed to another territory, the dashboard keeps its figures apart.
  await page.getByLabel("Territoire").selectOption("romorantin");
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page).toHaveURL(/territory=romorantin/);
  expect(await shownCount(page, "beneficiaries_registered")).toBeLessThan(after);
});

test("anyone can read the public statistics, with small counts hidden", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Statistiques" }).click();
  await expect(page).toHaveURL(/\/statistiques$/);
  await expect(page.getByRole("heading", { level: 1, name: "Statistiques" })).toBeVisible();
  await expect(page.getByText(/moins de 5|< 5/).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Télécharger le suivi par conseiller (CSV)" })).toHaveCount(0);
  await expectNoAxeViolations(page, "statistiques publiques");
});

test("the admin changes the default travel radius, finds the change in the audit trail, and puts it back", async ({ page }) => {
  await signIn(page, DEMO.admin, DEMO_PASSWORD, /\/admin$/);
  await page.getByRole("link", { name: "Instance", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/instance$/);
  await expectNoAxeViolations(page, "réglages de l'instance");
  const radius = page.getByLabel("Rayon proposé aux personnes qui s'inscrivent (en km)");
  const save = page.getByRole("button", { name: "Enregistrer les réglages" });
  await radius.fill("0");
  await save.click();
  await expect(page.getByTestId("error-summary")).toBeFocused();
  await expect(radius).toHaveAccessibleDescription(/Le rayon va de 1 à 200 km/);
  await expectNoAxeViolations(page, "réglages avec erreur");

  await radius.fill("25");
  await save.click();
  await expect(page.getByText("Réglages enregistrés")).toBeVisible();
  await page.reload();
  await expect(radius).toHaveValue("25");

  await page.getByRole("link", { name: "Journal", exact: true }).click();
  await page.getByLabel("Action").selectOption("instance");
  await page.getByRole("button", { name: /Rechercher|Filtrer|Afficher/ }).click();
  await expect(page).toHaveURL(/action=instance/);
  const latest = page.getByRole("table").getByRole("row").nth(1);
  await expect(latest).toContainText("Réglages de l'instance modifiés");
  await expect(latest).toContainText(/rayon par défaut : \d+ → 25/);
  await expectNoAxeViolations(page, "journal filtré");

  // Back to the file's value, so that other journeys see the instance as configured.
  await page.getByRole("link", { name: "Instance", exact: true }).click();
  await page.getByRole("button", { name: "Revenir au fichier pour : rayon par défaut" }).click();
  await expect(page.getByText("Réglages enregistrés")).toBeVisible();
  await expect(radius).toHaveValue("20");
});
