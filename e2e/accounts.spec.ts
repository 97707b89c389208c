// Issue 15, items 8–11: sessions that can be revoked, no address enumeration, the caller's
// address from the socket, and no lock-out by strangers — over HTTP against the built app.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { codeFromMail, DEMO, DEMO_PASSWORD, fillSignIn, signIn, signOut, unique } from "./helpers";

async function signedInPage(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD, /\/beneficiaire$/);
  return page;
}

async function expectSignedOut(page: Page) {
  await page.goto("/beneficiaire");
  await expect(page).toHaveURL(/\/connexion\?retour=%2Fbeneficiaire/);
}

test("'se déconnecter partout' in one browser signs the other out", async ({ browser }) => {
  const phone = await signedInPage(browser, DEMO.beneficiary(6));
  const library = await signedInPage(browser, DEMO.beneficiary(6));

  await phone.getByText("Mon compte", { exact: true }).click();
  await phone.getByRole("link", { name: "Sécurité du compte" }).click();
  await expect(phone).toHaveURL(/\/espace\/compte$/);
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Mon compte");
  await expectNoAxeViolations(phone, "mon compte");
  await phone.getByRole("button", { name: "Se déconnecter partout" }).click();
  await expect(phone).toHaveURL(/\/connexion\?fin=partout$/);
  await expect(phone.getByText("Vous êtes déconnecté de tous vos appareils.")).toBeVisible();
  await expectNoAxeViolations(phone, "connexion après « se déconnecter partout »");

  // the other browser: its cookie is still there, its session is not
  await library.goto("/beneficiaire");
  await expect(library).toHaveURL(/\/connexion\?retour=%2Fbeneficiaire&fin=1$/);
  await expect(library.getByText(/Votre connexion a pris fin/)).toBeVisible();
  await expect(library.getByRole("link", { name: "Se connecter" }).first()).toBeVisible();
  await expectNoAxeViolations(library, "connexion après une session terminée");
});

test("a copied session cookie stops working once its owner signs out", async ({ browser }) => {
  const owner = await signedInPage(browser, DEMO.beneficiary(7));
  const copy = await browser.newContext({ storageState: await owner.context().storageState() });
  const thief = await copy.newPage();
  await thief.goto("/beneficiaire");
  await expect(thief).toHaveURL(/\/beneficiaire$/);

  await signOut(owner);
  await expectSignedOut(thief);
  // and the API refuses it too
  const me = await thief.request.get("/api/trpc/auth.me");
  expect(me.status()).toBe(401);
});

test("from the third wrong password the page says the tries left, and a code by e-mail always gets the owner in", async ({ page }) => {
  const email = DEMO.beneficiary(8);
  await page.goto("/connexion");
  for (let i = 1; i <= 2; i++) {
    await fillSignIn(page, email, `Mauvais-${i}x`);
    await expect(page.getByTestId("error-summary")).toContainText("n'est pas bon");
    await expect(page.getByTestId("error-summary")).not.toContainText("Il vous reste");
    await expect(page.getByTestId("sign-in-help")).toHaveCount(0);
  }
  await fillSignIn(page, email, "Mauvais-3x");
  await expect(page.getByTestId("error-summary")).toContainText("Il vous reste 2 essais.");
  const help = page.getByTestId("sign-in-help");
  await expect(help.getByRole("link", { name: "Mot de passe oublié ?" })).toHaveAttribute("href", "/mot-de-passe-oublie");
  await expectNoAxeViolations(page, "connexion : essais restants");

  // The way in without the password.
  await help.getByRole("link", { name: "Recevoir un code de connexion par e-mail" }).click();
  await expect(page).toHaveURL(/\/connexion\/code$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Se connecter avec un code");
  await expectNoAxeViolations(page, "connexion par code");
  await page.getByLabel("Adresse e-mail de votre compte").fill(email);
  await page.getByRole("button", { name: "Recevoir un code par e-mail" }).click();
  await expect(page.getByText(`Si un compte existe avec l'adresse ${email}`)).toBeVisible();
  await expectNoAxeViolations(page, "connexion par code : code envoyé");
  const code = await codeFromMail(email, /tapez ce code : ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2})/);
  await page.getByLabel("Code reçu").fill("AAAA-BBBB-CC");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Ce code n'est pas bon");
  await page.getByLabel("Code reçu").fill(code);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/beneficiaire$/);
});

test("sign-up answers byte for byte the same for an address with an account and a new one", async ({ request }) => {
  const form = (email: string) => ({
    json: { role: "beneficiary", firstName: "Sam", lastName: "Essai", email, password: "Verger-Loire-2026", acceptTerms: true },
  });
  const taken = await request.post("/api/trpc/auth.signUp", { data: form(DEMO.beneficiary(2)) });
  const fresh = await request.post("/api/trpc/auth.signUp", { data: form(`${unique("sam.")}@exemple.fr`) });
  expect(taken.status()).toBe(200);
  expect(fresh.status()).toBe(taken.status());
  expect(await taken.text()).toBe(await fresh.text());
  expect(taken.headers()["content-type"]).toBe(fresh.headers()["content-type"]);
});

test("forged X-Forwarded-For headers do not escape the per-address limits", async ({ request }) => {
  // "Recevoir un code par e-mail": 10 an hour per address. Each request claims another address.
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) {
    const response = await request.post("/api/trpc/auth.requestSignInCode", {
      data: { json: { email: `${unique("faux.")}@exemple.fr` } },
      headers: { "X-Forwarded-For": `203.0.113.${i + 1}`, "X-Real-IP": `198.51.100.${i + 1}` },
    });
    statuses.push(response.status());
  }
  expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(10);
  expect(statuses.slice(-2)).toEqual([429, 429]);
});
