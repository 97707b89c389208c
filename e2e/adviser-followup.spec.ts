import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { DEMO, DEMO_PASSWORD, signIn } from "./helpers";
import { addMonths, todayIn } from "../src/lib/dates";

// the app's "today" is the instance's (Europe/Paris in the demo), not the UTC date
const sevenMonthsAgo = () => addMonths(todayIn("Europe/Paris"), -7);

// An adviser opens a person's file, proposes an offer, records a placement that started seven
// months ago, finds its three check-ins to do, records "still in post" at six months and sees
// the six-month retention figure move.

test("an adviser proposes an offer, records a placement from seven months ago and follows it to six months", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.adviser, DEMO_PASSWORD, /\/conseiller$/);

  // The six-month retention before.
  await page.getByRole("link", { name: "Mes chiffres", exact: true }).click();
  await expect(page).toHaveURL(/\/conseiller\/chiffres$/);
  const retention6 = page.getByTestId("retention-6");
  const before = (await retention6.innerText()).replace(/\s+/g, " ");
  await expectNoAxeViolations(page, "mes chiffres");

  // ---------------------------------------------------------------- the caseload, one person's file
  await page.getByRole("link", { name: "Mes personnes", exact: true }).click();
  await expect(page).toHaveURL(/\/conseiller$/);
  // A demo person of the Blois caseload whose CV matches live offers, found by their identifier.
  await page.getByLabel("Nom ou identifiant").fill("DEMO-P-0011");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/\/conseiller\?.*DEMO-P-0011/);
  await expect(page.locator("table tbody tr")).toHaveCount(1);
  await expectNoAxeViolations(page, "mes personnes");
  const person = page.locator("table tbody tr").first().getByRole("link").first();
  const name = (await person.innerText()).trim();
  await person.click();
  await expect(page).toHaveURL(/\/conseiller\/personnes\/[0-9a-f-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expectNoAxeViolations(page, "dossier de la personne");

  // ---------------------------------------------------------------- propose an offer
  const propose = page.getByRole("button", { name: /^Proposer cette offre : / }).first();
  await expect(propose).toBeVisible();
  await propose.click();
  await expect(page.getByText("Offre proposée à la personne.").first()).toBeVisible();

  // ---------------------------------------------------------------- a placement seven months ago
  await page.getByText("Enregistrer un emploi à la main").click();
  await page.getByLabel("Employeur").fill("Boulangerie des Remparts");
  await page.getByLabel("Poste occupé").fill("Vendeur en boulangerie");
  await page.getByLabel("Type de contrat").selectOption("cdi");
  await page.getByLabel("Date de début").fill(sevenMonthsAgo());
  await page.getByLabel(/Heures par semaine/).fill("30");
  await page.getByRole("button", { name: "Enregistrer l'emploi" }).click();

  const checkIns = page.getByRole("list", { name: "Points de suivi : Vendeur en boulangerie" });
  await expect(checkIns.getByRole("listitem")).toHaveCount(3);
  for (const months of [1, 3, 6]) await expect(checkIns.getByText(`À ${months} mois — En retard`)).toBeVisible();
  await expectNoAxeViolations(page, "emploi enregistré, trois points de suivi");

  // ---------------------------------------------------------------- still in post at six months
  const sixMonths = checkIns.getByRole("listitem").filter({ hasText: "À 6 mois" });
  await sixMonths.getByText("Noter le point de suivi à 6 mois").click();
  await sixMonths.getByRole("radio", { name: "Toujours en poste" }).check();
  await sixMonths.getByRole("button", { name: "Enregistrer le point de suivi" }).click();
  await expect(checkIns.getByText("À 6 mois — Toujours en poste")).toBeVisible();

  // The CV, completed with the person: the wizard's steps in the adviser's space.
  const fileUrl = page.url();
  await page.getByRole("link", { name: "Compléter le CV avec la personne" }).click();
  await expect(page).toHaveURL(/\/cv\/lieu$/);
  await expect(page.getByText(/étape 1 sur 7/i)).toBeVisible();
  await expectNoAxeViolations(page, "CV complété par le conseiller : lieu");
  await page.getByRole("button", { name: "Enregistrer et continuer" }).click();
  await expect(page).toHaveURL(/\/cv\/deplacements$/);
  await page.goto(fileUrl);

  // The follow-up list shows the two earlier check-ins still to do.
  await page.getByRole("link", { name: "Suivi des emplois", exact: true }).click();
  await expect(page).toHaveURL(/\/conseiller\/suivi$/);
  await expect(page.getByRole("heading", { name: /En retard/ })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(name);
  await expectNoAxeViolations(page, "suivi des emplois");

  await page.getByRole("link", { name: "Notifications", exact: true }).click();
  await expect(page).toHaveURL(/\/conseiller\/notifications$/);
  await expectNoAxeViolations(page, "notifications");

  await page.getByRole("link", { name: "Boîte d'envoi", exact: true }).click();
  await expect(page).toHaveURL(/\/conseiller\/boite-mail$/);
  await expectNoAxeViolations(page, "boîte d'envoi");

  // The six-month figure has moved.
  await page.getByRole("link", { name: "Mes chiffres", exact: true }).click();
  await expect(page).toHaveURL(/\/conseiller\/chiffres$/);
  await expect(retention6).not.toHaveText(before);
  await expect(retention6).toBeVisible();
});
