import { expect, test } from "@playwright/test";
import { watchPolicyViolations } from "./csp";
import { DEMO, DEMO_PASSWORD, signIn } from "./helpers";

// The pages that need the most from the policy: MapLibre (blob: workers, WebGL, inline styles
// set by script) and the position asked by the CV wizard (Permissions-Policy geolocation=(self)).
const BENEFICIARY = DEMO.beneficiary(4);

test.use({ permissions: ["geolocation"], geolocation: { latitude: 47.5861, longitude: 1.3359 } });

test("the offers map and the wizard's « Utiliser ma position » work with no policy violation", async ({ page }) => {
  const violations = await watchPolicyViolations(page);
  await signIn(page, BENEFICIARY, DEMO_PASSWORD, /\/beneficiaire$/);

  await page.goto("/beneficiaire/offres");
  await page.getByRole("button", { name: "Carte" }).click();
  const map = page.getByTestId("results-map");
  await expect(map.locator("canvas")).toBeVisible();
  await expect(map.getByRole("img", { name: "Votre domicile" })).toBeVisible();
  // the markers are placed by the map's code: it ran
  await expect(map.locator(".maplibregl-marker[data-count]").first()).toBeVisible();
  await violations.expectNone("carte des offres");

  // The place step: the position (Blois) becomes the commune, nothing is saved.
  await page.goto("/beneficiaire/cv/modifier/lieu");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Où habitez-vous ?");
  const change = page.getByRole("button", { name: /^Changer de commune/ });
  if (await change.isVisible()) await change.click();
  await page.getByRole("button", { name: "Utiliser ma position" }).click();
  await expect(page.getByRole("group", { name: "Garder ma position précise ?" })).toBeVisible();
  await violations.expectNone("étape « Où habitez-vous ? »");
});
