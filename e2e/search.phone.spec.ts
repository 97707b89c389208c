import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./axe";
import { DEMO, DEMO_PASSWORD, signIn } from "./helpers";

// Search on a phone (issue 8): the public offers page, as a visitor without an account, and the
// search box of a signed-in beneficiary's offers page. The demo has "Magasinier / magasinière"
// offers (src/server/demo/generate.ts): "magazinier" is a typo of it.
const TYPO = "magazinier";
const BENEFICIARY = DEMO.beneficiary(4);

async function checkPage(page: Page, label: string) {
  await expectNoHorizontalScroll(page, 360);
  await expectNoAxeViolations(page, label);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Each shown hit's facts as the page states them in data- attributes. */
async function hitFacts(hits: Locator) {
  return hits.evaluateAll((elements) =>
    elements.map((e) => ({
      contract: e.getAttribute("data-contract"),
      commune: e.getAttribute("data-commune") ?? "",
      distanceKm: e.hasAttribute("data-distance-km") ? Number(e.getAttribute("data-distance-km")) : null,
      title: e.querySelector("h3")?.textContent ?? "",
    })),
  );
}

test("a visitor finds offers by typing with a typo, narrows them to 10 km of a commune and by contract", async ({ page }) => {
  await page.goto("/");
  await checkPage(page, "accueil");
  await page.getByRole("link", { name: /Voir les offres d'emploi/ }).click();
  await expect(page).toHaveURL(/\/offres$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Offres d'emploi");
  const count = page.getByTestId("search-count");
  // without words, every open offer of the instance
  await expect(count).toHaveText(/^\d+ offres?$/);
  await checkPage(page, "offres publiques");

  // As you type: no button to press, the URL follows and the count is announced.
  const box = page.getByRole("searchbox", { name: "Métier ou mot-clé" });
  await box.pressSequentially(TYPO, { delay: 40 });
  await expect(page).toHaveURL(new RegExp(`[?&]q=${TYPO}(&|$)`));
  await expect(count).toHaveAttribute("role", "status");
  await expect(count).toContainText(new RegExp(`^\\d+ offres? pour « ${TYPO} »$`));
  await expect(box).toBeFocused();
  const hits = page.getByTestId("search-hit");
  await expect(hits.first()).toBeVisible();
  const found = await hitFacts(hits);
  expect(found.some((h) => /^Magasinier/.test(h.title))).toBe(true);
  // a visitor is sent to sign in before the offer's page, and comes back to it
  const firstLink = hits.first().getByRole("heading", { level: 3 }).getByRole("link");
  await expect(firstLink).toHaveAttribute("href", /^\/connexion\?retour=%2Fbeneficiaire%2Foffres%2F[0-9a-f-]+$/);
  // the search is in the address: it survives a reload
  await page.reload();
  await expect(box).toHaveValue(TYPO);
  await expect(count).toContainText(`pour « ${TYPO} »`);

  // Around the commune of a magasinier offer, then within 10 km of it.
  const target = found.find((h) => /^Magasinier/.test(h.title))!;
  const commune = page.getByRole("combobox", { name: /Autour de la commune/ });
  await commune.pressSequentially(target.commune.slice(0, 5), { delay: 40 });
  await page.getByRole("option", { name: new RegExp(`^${escapeRegExp(target.commune)} \\d{5}`) }).first().click();
  await expect(page).toHaveURL(/[?&]commune=[0-9AB]{5}(&|$)/);
  await expect(page.getByTestId("commune-recherche")).toContainText(target.commune);
  const distance = page.getByRole("group", { name: /Distance autour de/ });
  await distance.getByRole("link", { name: "10 km", exact: true }).click();
  await expect(page).toHaveURL(/[?&]rayon=10(&|$)/);
  await expect(distance.getByRole("link", { name: "10 km", exact: true })).toHaveAttribute("aria-current", "true");
  await expect(count).toContainText(new RegExp(`pour « ${TYPO} » à moins de 10 km d(e |')`));
  await expect(box).toHaveValue(TYPO);
  const near = await hitFacts(hits);
  expect(near.length).toBeGreaterThan(0);
  expect(near.some((h) => h.commune === target.commune && /^Magasinier/.test(h.title))).toBe(true);
  for (const h of near) expect(h.distanceKm).not.toBeNull();
  for (const h of near) expect(h.distanceKm!).toBeLessThanOrEqual(10);
  await checkPage(page, "offres publiques autour d'une commune");

  // A contract chip says how many offers it leaves; tapping it shows exactly those.
  const contracts = page.getByRole("group", { name: "Contrat :" });
  // (every chip but "Tous" carries its count)
  const chip = contracts.locator("a[data-count]").first();
  const facet = await chip.getAttribute("data-facet");
  const facetCount = Number(await chip.getAttribute("data-count"));
  expect(facetCount).toBeGreaterThan(0);
  await chip.click();
  await expect(page).toHaveURL(new RegExp(`[?&]contrat=${facet}(&|$)`));
  await expect(contracts.locator(`[data-facet="${facet}"]`)).toHaveAttribute("aria-current", "true");
  await expect(hits).toHaveCount(facetCount);
  await expect(count).toContainText(new RegExp(`^${facetCount} offres? pour`));
  for (const h of await hitFacts(hits)) expect(h.contract).toBe(facet);
  await checkPage(page, "offres publiques par contrat");

  // Whatever is typed: an answer, never an error page.
  for (const text of ["🙂🔥🚀", "?!%_*' OR 1=1 --", 'title = "x" AND _geoRadius(0, 0, 1)', "x".repeat(10_000)]) {
    await box.fill(text);
    await expect(count).toContainText(`pour « ${text.slice(0, 20)}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Offres d'emploi");
  }
  await checkPage(page, "offres publiques après une recherche étrange");

  // "Effacer la recherche" keeps the filters and lists every offer they allow again.
  await page.getByRole("button", { name: "Effacer la recherche" }).click();
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expect(box).toHaveValue("");
  await expect(box).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`[?&]contrat=${facet}(&|$)`));
  await expect(count).not.toContainText("pour «");
});

test("a beneficiary searches their offers page by words, then goes back to the offers that suit them", async ({ page }) => {
  await signIn(page, BENEFICIARY, DEMO_PASSWORD, /\/beneficiaire$/);
  await page.goto("/beneficiaire/offres");
  const ranked = page.getByTestId("offer-card");
  await expect(ranked.first()).toBeVisible();
  const rankedCount = await ranked.count();
  // the longest word of an offer in their list, typed without its accents and in lower case
  const title = (await ranked.first().getByRole("heading", { level: 3 }).textContent())!;
  const word = title
    .split(/[\s/()'-]+/)
    .reduce((a, b) => (b.length > a.length ? b : a), "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

  const box = page.getByRole("searchbox", { name: "Chercher une offre" });
  await box.pressSequentially(word, { delay: 40 });
  await expect(page).toHaveURL(new RegExp(`[?&]q=${word}(&|$)`));
  const count = page.getByTestId("results-count");
  await expect(count).toContainText(new RegExp(`^\\d+ offres? pour « ${word} » à moins de \\d+ km de chez vous$`));
  const hits = page.getByTestId("search-hit");
  await expect(hits.first()).toBeVisible();
  await expect(ranked).toHaveCount(0);
  // the offer of the ranked list is among what the words find, at a distance from home
  await expect(hits.getByRole("heading", { level: 3, name: title })).not.toHaveCount(0);
  for (const h of await hitFacts(hits)) expect(h.distanceKm).not.toBeNull();
  // one tap to apply, as in the ranked list
  await expect(hits.first().getByRole("button", { name: "Postuler" }).or(hits.first().getByTestId("apply-sent"))).toBeVisible();
  await checkPage(page, "recherche dans les offres du bénéficiaire");

  await page.getByRole("link", { name: "Revoir les offres qui vous vont le mieux" }).click();
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expect(box).toHaveValue("");
  await expect(ranked).toHaveCount(rankedCount);
  await expect(page.getByRole("group", { name: /Distance/ })).toBeVisible();
});

test("a visitor searches the formations from the footer link", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Formations", exact: true }).click();
  await expect(page).toHaveURL(/\/formations$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Formations");
  const hits = page.getByTestId("search-hit");
  await expect(hits.first()).toBeVisible();
  // the longest word of a published formation, in lower case
  const title = (await hits.first().getByRole("heading", { level: 3 }).textContent())!;
  const word = title.split(/[\s/()'-]+/).reduce((a, b) => (b.length > a.length ? b : a), "").toLowerCase();
  await page.getByRole("searchbox", { name: "Métier, formation ou mot-clé" }).pressSequentially(word, { delay: 40 });
  const count = page.getByTestId("search-count");
  await expect(count).toContainText(new RegExp(`^\\d+ formations? pour « ${escapeRegExp(word)} »$`));
  await expect(hits.getByRole("heading", { level: 3, name: title })).not.toHaveCount(0);
  await checkPage(page, "formations publiques");
});

test("an adviser finds a person of their caseload despite a typo in the name", async ({ page }) => {
  await signIn(page, DEMO.adviser, DEMO_PASSWORD, /\/conseiller$/);
  const name = (await page.locator("table tbody tr").first().getByRole("link").first().innerText()).trim();
  const longest = name.split(" ").reduce((a, b) => (b.length > a.length ? b : a), "");
  // the last letter mistyped: "Benali" → "Benalo"
  const typo = `${longest.slice(0, -1)}${/o/i.test(longest.slice(-1)) ? "a" : "o"}`;
  await page.getByLabel("Nom ou identifiant").fill(typo);
  await page.getByRole("button", { name: "Filtrer" }).click();
  const found = page.getByTestId("profile-search");
  await expect(found.getByRole("heading", { name: "Résultats de la recherche" })).toBeVisible();
  await expect(found.getByRole("link", { name, exact: true }).first()).toBeVisible();
  await expectNoAxeViolations(page, "recherche de personnes");
});

test.describe("without JavaScript (a slow phone, a script blocked)", () => {
  test.use({ javaScriptEnabled: false });

  test("the search box is a plain form and the results come from the server", async ({ page }) => {
    await page.goto("/offres");
    await page.getByRole("searchbox", { name: "Métier ou mot-clé" }).fill(TYPO);
    await page.getByRole("button", { name: "Rechercher" }).click();
    await expect(page).toHaveURL(new RegExp(`/offres\\?q=${TYPO}$`));
    await expect(page.getByTestId("search-count")).toContainText(`pour « ${TYPO} »`);
    await expect(page.getByTestId("search-hit").first()).toBeVisible();
    // the chips are links: they work too
    const chip = page.getByRole("group", { name: "Contrat :" }).locator("a[data-count]").first();
    const facetCount = Number(await chip.getAttribute("data-count"));
    await chip.click();
    await expect(page).toHaveURL(/[?&]contrat=/);
    await expect(page.getByTestId("search-hit")).toHaveCount(facetCount);
  });
});
