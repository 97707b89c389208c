import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./axe";
import { DEMO, DEMO_PASSWORD, signIn } from "./helpers";

// Issue 18, on a 360 px phone: the employer's tabs all reachable with a visible cue, ranked
// candidates with the offer's skills first and the rest folded, one state per application; the
// adviser's long person file with a menu that stays on screen, and an application sent for the
// person only with their agreement ticked.

test("employer: every tab in a row that scrolls with a cue, skills that match first, one state per application", async ({ page }) => {
  await signIn(page, DEMO.employer, DEMO_PASSWORD, /\/employeur$/);
  const nav = page.getByRole("navigation", { name: "Menu de l'espace employeur" });
  for (const tab of ["Mes offres", "Publier une offre", "Formations", "Mon entreprise", "Mes messages"]) {
    await expect(nav.getByRole("link", { name: tab, exact: true })).toBeAttached();
  }
  // the row is wider than the phone: the cue says more tabs wait on the right, and scrolling reaches the last
  const list = nav.getByRole("list");
  const overflows = await list.evaluate((el) => el.scrollWidth > el.clientWidth + 2);
  if (overflows) {
    await expect(nav.locator(".pronav__more--after")).toBeVisible();
    await nav.getByRole("link", { name: "Mes messages", exact: true }).scrollIntoViewIfNeeded();
    await expect(nav.getByRole("link", { name: "Mes messages", exact: true })).toBeInViewport();
  }
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page, "espace employeur (téléphone)");

  await page.getByRole("link", { name: "Voir les candidats" }).first().click();
  await expect(page).toHaveURL(/\/candidats$/);
  const card = page.getByTestId("candidate-card").first();
  await expect(card).toBeVisible();
  // the offer's skills as marked chips, or a plain line saying none; the others behind a fold
  const wanted = card.getByTestId("wanted-skills");
  if (await wanted.count()) await expect(wanted.getByRole("listitem").first()).toContainText("✓");
  const more = card.locator("details.recruit-skill-more");
  if (await more.count()) {
    await expect(more.locator("ul")).toBeHidden();
    await more.locator("summary").click();
    await expect(more.locator("ul")).toBeVisible();
  }
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page, "candidats classés (téléphone)");

  await page.goto(page.url().replace(/\/candidats$/, "/candidatures"));
  for (const state of await page.getByTestId("application-card").all()) {
    // one badge: "Nouvelle" or the status, never both
    await expect(state.locator(".recruit-badge")).toHaveCount(1);
  }
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page, "candidatures (téléphone)");
});

test("adviser: the person's file keeps its menu on screen; applying for the person needs their agreement", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.adviser, DEMO_PASSWORD, /\/conseiller$/);
  await page.getByLabel("Nom ou identifiant").fill("DEMO-P-0011");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.locator("table tbody tr")).toHaveCount(1);
  // a result, and never "Aucune personne ne correspond" with it
  await expect(page.getByText("Aucune personne ne correspond.")).toHaveCount(0);
  await page.locator("table tbody tr").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/conseiller\/personnes\/[0-9a-f-]+$/);

  const menu = page.getByRole("navigation", { name: "Parties du dossier" });
  for (const part of ["Identité", "CV", "Propositions et candidatures", "Emplois", "Notes", "Historique"]) {
    await expect(menu.getByRole("link", { name: part, exact: true })).toBeAttached();
  }
  // far down the long file, the menu is still on screen, and leads back up
  await page.locator("#historique").scrollIntoViewIfNeeded();
  await expect(menu).toBeInViewport();
  await menu.getByRole("link", { name: "Identité", exact: true }).click();
  await expect(page).toHaveURL(/#identite$/);
  await expect(page.getByRole("heading", { name: "Identité et compte" })).toBeInViewport();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page, "dossier de la personne (téléphone)");

  // apply for the person: refused until "La personne est d'accord" is ticked
  const open = page.locator("details.caseload-prescribe").first();
  await open.locator("summary").click();
  const form = open.getByRole("form");
  await form.getByLabel(/Message à l'entreprise/).fill("Personne motivée, disponible tout de suite.");
  await form.getByRole("button", { name: "Envoyer sa candidature" }).click();
  await expect(form.getByText(/Cochez « La personne est d'accord »/)).toBeVisible();
  await expectNoAxeViolations(page, "postuler pour la personne : accord manquant");
  await form.getByLabel("La personne est d'accord").check();
  await form.getByRole("button", { name: "Envoyer sa candidature" }).click();
  await expect(page.getByText(/Candidature envoyée pour .+ L'entreprise voit qu'elle vient de vous\./).first()).toBeVisible();
  await expectNoAxeViolations(page, "postuler pour la personne : envoyé");
});
