import { expect, type Page } from "@playwright/test";

/** Password shared by every demo account (`npm run cli -- seed demo`). */
export const DEMO_PASSWORD = "Demo2026!emploi";

export const DEMO = {
  admin: "admin@demo.emploi41.fr",
  adviser: "conseiller.blois@demo.emploi41.fr",
  beneficiary: (n: number) => `beneficiaire${n}@demo.emploi41.fr`,
  employer: "employeur1@demo.emploi41.fr",
};

/** A value no earlier run has used (the e2e database may be reused between runs). */
export function unique(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

/** The password input itself (the show/hide button's name also says "mot de passe"). */
export function passwordInput(page: Page, label = "Mot de passe") {
  return page.getByLabel(label, { exact: true });
}

/** Fills and sends the sign-in form, and waits for the server's answer. */
export async function fillSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Adresse e-mail").fill(email);
  await passwordInput(page).fill(password);
  const answered = page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/connexion",
  );
  await page.getByRole("button", { name: "Se connecter" }).click();
  await answered;
}

/** After a refused sign-in the form is reset (password emptied) and the summary names the reason. */
export async function expectSignInRefused(page: Page, message: string | RegExp) {
  await expect(passwordInput(page)).toHaveValue("");
  await expect(page.getByTestId("error-summary")).toBeFocused();
  await expect(page.getByTestId("error-summary")).toContainText(message);
}

/** Signs in from /connexion and waits for the person's home. */
export async function signIn(page: Page, email: string, password: string, home: RegExp) {
  await page.goto("/connexion");
  await fillSignIn(page, email, password);
  await expect(page).toHaveURL(home);
}

/** Opens the account menu (a <details>) unless it is open already, and signs out. */
export async function signOut(page: Page) {
  const button = page.getByRole("button", { name: "Se déconnecter" });
  if (!(await button.isVisible())) await page.getByText("Mon compte", { exact: true }).click();
  await button.click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Se connecter" }).first()).toBeVisible();
}
