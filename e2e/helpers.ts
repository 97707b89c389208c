import { expect, type Page } from "@playwright/test";

/** Password shared by every demo account (`npm run cli -- seed demo`). */
export const DEMO_PASSWORD = "Demo2026!emploi";

export const DEMO = {
  admin: "admin@demo.emploi41.fr",
  adviser: "conseiller.blois@demo.emploi41.fr",
  beneficiary: (n: number) => `beneficiaire${n}@demo.emploi41.fr`,
  employer: "employeur1@demo.emploi41.fr",
};

/** The specs' mailbox: the e2e server delivers the app's e-mails there (scripts/e2e-server.mjs). */
const MAILBOX = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 2}`;

export type Mail = { to: string; subject: string; text: string; html: string; listUnsubscribe: string; listUnsubscribePost: string; at: string };

/** Every e-mail delivered to `address` so far, oldest first. */
export async function mailsTo(address: string): Promise<Mail[]> {
  const response = await fetch(`${MAILBOX}/messages?to=${encodeURIComponent(address.toLowerCase())}`);
  return (await response.json()) as Mail[];
}

/** Waits for an e-mail to `address` whose text matches `pattern` (after the first `skip`), and returns the first group. */
export async function codeFromMail(address: string, pattern: RegExp, skip = 0): Promise<string> {
  let found = "";
  await expect
    .poll(async () => {
      const match = (await mailsTo(address)).slice(skip).map((m) => pattern.exec(m.text)).filter(Boolean).pop();
      found = match?.[1] ?? "";
      return found;
    }, { message: `an e-mail to ${address} matching ${pattern}` })
    .not.toBe("");
  return found;
}

/** After "Créer mon compte": types the 6-digit code the e-mail brought, which creates the account and signs in. */
export async function confirmSignUpCode(page: Page, email: string) {
  await expect(page.getByText(/Nous avons envoyé un code à 6 chiffres/)).toBeVisible();
  const code = await codeFromMail(email, /tapez ce code sur la page d'inscription : (\d{6})/);
  await page.getByLabel("Code reçu par e-mail").fill(code);
  await page.getByRole("button", { name: "Valider et créer mon compte" }).click();
}

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

/** A SIRET no earlier run has used, with a valid Luhn checksum. */
export function freshSiret(): string {
  const body = `4${Date.now().toString().slice(-9)}${Math.floor(Math.random() * 1000)
    .toString()
    .padStart(3, "0")}`;
  for (let last = 0; last <= 9; last++) {
    const candidate = `${body}${last}`;
    const sum = [...candidate].reverse().reduce((s, ch, i) => {
      const d = Number(ch) * (i % 2 === 1 ? 2 : 1);
      return s + (d > 9 ? d - 9 : d);
    }, 0);
    if (sum % 10 === 0) return candidate;
  }
  throw new Error("unreachable");
}

/**
 * A new person signs up and fills the CV wizard with the least typing: a commune, a car and
 * a radius, one job, availability now, and consent to be shown to employers. Ends on the CV page.
 */
export async function signUpWithCv(page: Page, person: { firstName: string; lastName: string; commune: string; job: string; jobOption: string }) {
  const local = person.firstName.normalize("NFD").replace(/[^a-zA-Z]/g, "").toLowerCase();
  const email = `${unique(`${local}.`)}@exemple.fr`;
  await page.goto("/inscription?profil=candidat");
  await page.getByLabel("Prénom").fill(person.firstName);
  await page.getByLabel("Nom", { exact: true }).fill(person.lastName);
  await page.getByLabel("Adresse e-mail").fill(email);
  await passwordInput(page).fill("Atelier41!bois");
  await page.getByLabel("J'accepte les conditions d'utilisation du service.").check();
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await confirmSignUpCode(page, email);
  await expect(page).toHaveURL(/\/beneficiaire$/);
  const next = () => page.getByRole("button", { name: "Enregistrer et continuer" }).click();

  await page.goto("/beneficiaire/cv/modifier/lieu");
  const commune = page.getByRole("combobox", { name: /Votre commune/ });
  await commune.fill(person.commune);
  await page.getByRole("option", { name: new RegExp(`^${person.commune} `) }).first().click();
  await next();
  await expect(page).toHaveURL(/deplacements$/);
  await page.getByRole("checkbox", { name: "Voiture" }).check();
  await page.getByRole("button", { name: "30 km", exact: true }).click();
  await page.getByRole("radio", { name: "Oui", exact: true }).check();
  await page.getByRole("radio", { name: /Permis B/ }).check();
  await next();
  await expect(page).toHaveURL(/metiers$/);
  await page.getByRole("combobox", { name: "Le métier que vous cherchez" }).fill(person.job);
  await page.getByRole("option", { name: person.jobOption, exact: true }).click();
  await next();
  await expect(page).toHaveURL(/competences$/);
  // Three skills of the job's sheet (the least the step asks for).
  const skills = page.getByRole("group", { name: new RegExp(`Pour le métier : ${person.jobOption}`) });
  for (let i = 0; i < 3; i++) await skills.getByRole("checkbox").nth(i).check();
  await next();
  await expect(page).toHaveURL(/disponibilites$/);
  await page.getByRole("radio", { name: "Dès maintenant" }).check();
  await page.getByRole("radio", { name: "Les deux" }).check();
  await page.getByRole("checkbox", { name: "De jour" }).check();
  await next();
  await expect(page).toHaveURL(/parcours$/);
  await next();
  await expect(page).toHaveURL(/visibilite$/);
  await page.getByRole("radio", { name: /Oui, montrer mon profil/ }).check();
  await next();
  await expect(page).toHaveURL(/\/beneficiaire\/cv\?enregistre=1$/);
  return { email };
}
