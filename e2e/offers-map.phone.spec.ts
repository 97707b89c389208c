import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./axe";
import { DEMO, DEMO_PASSWORD, signIn } from "./helpers";

// A demo beneficiary with several offers and formations within reach in the demo data
// (beneficiaire1 has offers near them, but no formation).
const BENEFICIARY = DEMO.beneficiary(4);

async function checkPage(page: Page, label: string) {
  await expectNoHorizontalScroll(page, 360);
  await expectNoAxeViolations(page, label);
}

type CardFacts = { rank: number; score: number; distanceKm: number };

async function cardFacts(cards: Locator): Promise<CardFacts[]> {
  return cards.evaluateAll((elements) =>
    elements.map((e) => ({
      rank: Number(e.getAttribute("data-rank")),
      score: Number(e.getAttribute("data-score")),
      distanceKm: Number(e.getAttribute("data-distance-km")),
    })),
  );
}

test("a beneficiary sees the offers near them ranked, filters them, sees them on a map and applies in one tap", async ({
  page,
}) => {
  await signIn(page, BENEFICIARY, DEMO_PASSWORD, /\/beneficiaire$/);

  // The ranked list: best first, each with how far and how long to get there.
  await page.goto("/beneficiaire/offres");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Offres près de chez vous");
  const cards = page.getByTestId("offer-card");
  await expect(cards.first()).toBeVisible();
  const all = await cardFacts(cards);
  expect(all.length).toBeGreaterThan(2);
  expect(all.map((c) => c.rank)).toEqual(all.map((_, i) => i + 1));
  for (let i = 1; i < all.length; i++) expect(all[i]!.score).toBeLessThanOrEqual(all[i - 1]!.score);
  for (const card of await cards.all()) {
    await expect(card.getByRole("heading", { level: 3 })).not.toBeEmpty();
    await expect(card).toContainText(/À (\d+(,\d)? km|moins d'1 km)/);
    await expect(card).toContainText(/(≈ \d+ (min|h)|moins de 5 min) (à pied|à vélo|en bus ou en train|en voiture|en deux-roues|en covoiturage)/);
  }
  await expect(cards.first().getByRole("list", { name: "Pourquoi cette offre vous va" })).toBeVisible();
  await checkPage(page, "offres");

  // Filter by distance: a nearer limit that still keeps the nearest offer.
  const distanceChips = page.getByRole("group", { name: /Distance/ }).getByRole("link");
  const limits = (await distanceChips.allTextContents()).map((t) => Number.parseInt(t, 10));
  const nearest = Math.min(...all.map((c) => c.distanceKm));
  const chosen = limits.find((km) => km >= nearest && km < limits[limits.length - 1]!) ?? limits[0]!;
  await distanceChips.filter({ hasText: new RegExp(`^${chosen} km$`) }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]distance=${chosen}(&|$)`));
  await expect(page.getByTestId("results-count")).toContainText(`à moins de ${chosen} km`);
  const near = await cardFacts(cards);
  expect(near.length).toBeLessThanOrEqual(all.length);
  for (const c of near) expect(c.distanceKm).toBeLessThanOrEqual(chosen);
  // The filter is in the address: it survives a reload.
  await page.reload();
  await expect(distanceChips.filter({ hasText: new RegExp(`^${chosen} km$`) })).toHaveAttribute("aria-current", "true");
  await checkPage(page, "offres filtrées par distance");
  await distanceChips.last().click();
  await expect(page).not.toHaveURL(/distance=/);
  await expect(cards).toHaveCount(all.length);

  // The map, loaded on demand: the canvas, home, the offers and a sentence saying what it shows.
  await page.getByRole("button", { name: "Carte" }).click();
  await expect(page.getByRole("button", { name: "Carte" })).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/vue=carte/);
  const map = page.getByTestId("results-map");
  await expect(map.locator("canvas")).toBeVisible();
  await expect(map.locator("canvas")).toHaveAttribute("aria-describedby", "carte-description");
  await expect(page.getByTestId("map-description")).toContainText(/^La carte montre votre domicile/);
  await expect(page.getByTestId("map-description")).toContainText(`${all.length} offres`);
  await expect(map.getByRole("img", { name: "Votre domicile" })).toBeVisible();
  const markers = map.locator(".maplibregl-marker[data-count]");
  const counted = await markers.evaluateAll((m) => m.reduce((n, e) => n + Number(e.getAttribute("data-count")), 0));
  expect(counted).toBe(all.length);
  await markers.first().click();
  await expect(map.getByRole("link", { name: "Voir l'offre" }).first()).toBeVisible();
  await checkPage(page, "offres sur la carte");
  // The list stays under the map, and the view survives a reload.
  await expect(cards.first()).toBeAttached();
  await page.reload();
  await expect(page.getByTestId("results-map").locator("canvas")).toBeVisible();
  // A filter tapped on the map keeps the map.
  await distanceChips.first().click();
  await expect(page).toHaveURL(/distance=.*vue=carte|vue=carte.*distance=/);
  await expect(page.getByTestId("results-map").locator("canvas")).toBeVisible();
  await distanceChips.last().click();
  await expect(page).not.toHaveURL(/distance=/);
  await page.getByRole("button", { name: "Liste" }).click();
  await expect(page.getByTestId("results-map")).toHaveCount(0);
  await expect(page).not.toHaveURL(/vue=carte/);

  // Apply in one tap, with an optional message.
  // (the first offer not applied to yet, pinned by its id: once sent it has no "Postuler" button)
  const cardId = await cards.filter({ has: page.getByRole("button", { name: "Postuler" }) }).first().getAttribute("id");
  const card = page.locator(`#${cardId}`);
  const title = await card.getByRole("heading", { level: 3 }).textContent();
  await card.getByRole("button", { name: "Postuler" }).click();
  await expect(card.getByLabel(/Un message/)).toBeVisible();
  await card.getByLabel(/Un message/).fill("Je peux commencer lundi.");
  await card.getByRole("button", { name: "Envoyer ma candidature" }).click();
  await expect(card.getByTestId("apply-sent")).toContainText("Candidature envoyée");
  await expect(card.getByTestId("apply-sent")).toBeFocused();
  await checkPage(page, "offres après une candidature");
  // Still said after a reload: the page knows what the person applied to.
  await page.reload();
  await expect(card.getByRole("heading", { level: 3 })).toHaveText(title!);
  await expect(card.getByTestId("apply-sent")).toContainText("Candidature envoyée");
  await expect(card.getByRole("button", { name: "Postuler" })).toHaveCount(0);
});

test("a beneficiary sees the formations near them with dates and seats", async ({ page }) => {
  await signIn(page, BENEFICIARY, DEMO_PASSWORD, /\/beneficiaire$/);
  await page.goto("/beneficiaire/formations");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Formations près de chez vous");
  const cards = page.getByTestId("formation-card");
  await expect(cards.first()).toBeVisible();
  const all = await cardFacts(cards);
  expect(all.map((c) => c.rank)).toEqual(all.map((_, i) => i + 1));
  const first = cards.first();
  await expect(first).toContainText(/À (\d+(,\d)? km|moins d'1 km)/);
  await expect(first).toContainText(/(Du|À partir du) \d/);
  await expect(first.getByRole("button", { name: "M'inscrire" })).toBeVisible();
  await checkPage(page, "formations");
  await page.getByRole("button", { name: "Carte" }).click();
  await expect(page.getByTestId("results-map").locator("canvas")).toBeVisible();
  await expect(page.getByTestId("map-description")).toContainText("formation");
  await checkPage(page, "formations sur la carte");
});

test("the app can be installed: a valid manifest, its icons and the service worker are served", async ({ request }) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.status()).toBe(200);
  const manifest = JSON.parse(await response.text()) as {
    name: string;
    short_name: string;
    start_url: string;
    display: string;
    theme_color: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest.name).toBe("Emploi 41");
  expect(manifest.short_name.length).toBeLessThanOrEqual(12);
  expect(manifest.start_url).toBe("/beneficiaire");
  expect(manifest.display).toBe("standalone");
  expect(manifest.theme_color).toBe("#0b5cab");
  for (const size of ["192x192", "512x512"]) {
    expect(manifest.icons.some((i) => i.sizes === size && (i.purpose ?? "any") === "any")).toBe(true);
    expect(manifest.icons.some((i) => i.sizes === size && i.purpose === "maskable")).toBe(true);
  }
  for (const icon of manifest.icons) {
    const png = await request.get(icon.src);
    expect(png.status(), icon.src).toBe(200);
    expect(png.headers()["content-type"]).toBe("image/png");
    const bytes = await png.body();
    const [width, height] = icon.sizes.split("x").map(Number);
    expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([width, height]);
  }
  const sw = await request.get("/sw.js");
  expect(sw.status()).toBe(200);
  expect(sw.headers()["content-type"]).toMatch(/javascript/);
  const offline = await request.get("/offline");
  expect(offline.status()).toBe(200);
  expect(await offline.text()).toContain("Pas de connexion");
});

test("the last offers loaded stay readable offline, other pages say there is no connection", async ({ page, context }) => {
  await signIn(page, BENEFICIARY, DEMO_PASSWORD, /\/beneficiaire$/);
  // The root layout registers the worker once the page has loaded; register it here too, so
  // that this test does not depend on the timing of that.
  await page.evaluate(async () => {
    await navigator.serviceWorker.register("/sw.js");
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

  await page.goto("/beneficiaire/offres");
  const cards = page.getByTestId("offer-card");
  await expect(cards.first()).toBeVisible();
  const online = await cards.count();
  await expect
    .poll(() => page.evaluate(async () => (await caches.keys()).some((name) => name.startsWith("emploi-data-"))))
    .toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Offres près de chez vous");
  await expect(cards).toHaveCount(online);

  await page.goto("/beneficiaire/cv");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pas de connexion");
  await expect(page).toHaveURL(/\/beneficiaire\/cv$/);
  await checkPage(page, "page hors connexion");
  await page.getByRole("link", { name: "Mes dernières offres" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Offres près de chez vous");
  await context.setOffline(false);

  // Signing out forgets them (a shared phone).
  await page.evaluate(() => navigator.serviceWorker.controller?.postMessage({ type: "clear-user-data" }));
  await expect
    .poll(() => page.evaluate(async () => (await caches.keys()).some((name) => name.startsWith("emploi-data-"))))
    .toBe(false);
});
