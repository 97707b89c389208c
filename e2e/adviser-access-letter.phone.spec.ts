import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./axe";
import { DEMO, DEMO_PASSWORD, passwordInput, signIn, unique } from "./helpers";

/** The letter as the adviser downloads it, read back by pdftotext (poppler-utils). */
async function letterText(page: Page): Promise<{ text: string; disposition: string }> {
  const href = await page.getByTestId("access-letter-pdf").getAttribute("href");
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: await res.body() }).toString("utf8");
  return { text, disposition: res.headers()["content-disposition"] ?? "" };
}
const squeeze = (s: string) => s.replace(/\s+/g, "");

async function activate(page: Page, code: string, email: string) {
  await page.goto("/activer");
  await page.getByLabel("Code reçu").fill(code);
  await page.getByLabel("Votre adresse e-mail").fill(email);
  await passwordInput(page, "Choisissez un mot de passe").fill("Travail41!ok");
  await page.getByRole("button", { name: "Activer mon compte" }).click();
}

test("the adviser's letter carries the code on screen; a new code is explicit and the old one stops working", async ({ page, browser }) => {
  const lastName = unique("Wiśniewska");
  await signIn(page, DEMO.adviser, DEMO_PASSWORD, /\/conseiller$/);
  await page.goto("/conseiller/nouvelle-personne");
  await page.getByLabel("Prénom").fill("Łucja");
  await page.getByLabel("Nom", { exact: true }).fill(lastName);
  await page.getByRole("button", { name: "Créer le compte" }).click();
  await expect(page.getByRole("heading", { name: `Compte créé pour Łucja ${lastName}` })).toBeFocused();
  const code = (await page.getByTestId("access-code").textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$/);
  await expectNoAxeViolations(page, "compte créé, code et courrier");
  await expectNoHorizontalScroll(page);

  // The PDF letter has the code on screen, however often it is downloaded, and the name as written.
  for (let i = 0; i < 2; i++) {
    const { text, disposition } = await letterText(page);
    expect(squeeze(text)).toContain(squeeze(code));
    expect(text).toContain(`Bonjour Łucja ${lastName},`);
    expect(disposition).toMatch(/^inline; filename="courrier-Lucja-Wisniewska[^"]*\.pdf"; filename\*=UTF-8''courrier-%C5%81ucja-Wi%C5%9Bniewska/);
  }
  await expect(page.getByTestId("access-code")).toHaveText(code);

  // A new code is a separate action that says what happens to the old one; cancelling changes nothing.
  await page.getByRole("button", { name: "Donner un nouveau code" }).click();
  const question = page.getByRole("group", { name: /Donner un nouveau code à Łucja/ });
  await expect(question).toContainText("Le code actuel ne marchera plus");
  await expect(question.locator("p", { hasText: "Le code actuel ne marchera plus" })).toBeFocused();
  await expectNoAxeViolations(page, "nouveau code : confirmation");
  await expectNoHorizontalScroll(page);
  await question.getByRole("button", { name: "Annuler" }).click();
  await expect(page.getByTestId("access-code")).toHaveText(code);

  await page.getByRole("button", { name: "Donner un nouveau code" }).click();
  await page.getByRole("button", { name: "Oui, donner un nouveau code" }).click();
  await expect(page.getByText("Nouveau code créé. L'ancien code ne marche plus")).toBeVisible();
  await expect(page.getByTestId("access-code")).not.toHaveText(code);
  const renewed = (await page.getByTestId("access-code").textContent())!.trim();
  expect(renewed).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$/);
  const { text } = await letterText(page);
  expect(squeeze(text)).toContain(squeeze(renewed));
  expect(squeeze(text)).not.toContain(squeeze(code));
  await expectNoAxeViolations(page, "nouveau code donné");
  await expectNoHorizontalScroll(page);

  // The person: the old code is refused, the new one (the letter's) opens the account.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const person = await context.newPage();
  const email = `${lastName.toLowerCase().normalize("NFD").replace(/[^a-z0-9]/g, "")}@exemple.fr`;
  await activate(person, code, email);
  await expect(person.getByLabel("Code reçu")).toHaveAccessibleDescription(/Ce code n'est pas valable/);
  await activate(person, renewed, email);
  await expect(person).toHaveURL(/\/beneficiaire$/);
  await context.close();
});
