import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./axe";
import { DEMO, DEMO_PASSWORD, mailsTo, signIn } from "./helpers";

// "Mes messages" on a cheap phone, and the unsubscribe link of the e-mails: a forged token
// changes nothing, a real one stops its category.

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

/** A tRPC call over HTTP with the page's session cookie (setup steps that are not what this spec is about). */
async function trpc<T>(request: APIRequestContext, path: string, input: unknown, method: "GET" | "POST" = "GET"): Promise<T> {
  const res =
    method === "GET"
      ? await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`)
      : await request.post(`/api/trpc/${path}`, { data: { json: input } });
  const body = (await res.json()) as { result?: { data: { json: T } }; error?: unknown };
  if (!body.result) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
  return body.result.data.json;
}

function card(page: Page, title: string) {
  return page.getByRole("region", { name: title });
}

test("a beneficiary chooses their messages on a phone; a forged unsubscribe link changes nothing, a real one stops its category", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const email = DEMO.beneficiary(1);
  await signIn(page, email, DEMO_PASSWORD, /\/beneficiaire/);

  // From the account menu to "Mes messages"
  await page.getByText("Mon compte", { exact: true }).click();
  await page.getByRole("link", { name: "Mes messages", exact: true }).click();
  await expect(page).toHaveURL(/\/beneficiaire\/messages$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mes messages" })).toBeVisible();
  await expect(page.getByText("Pas de SMS ni de notification entre 20 h et 8 h")).toBeVisible();
  await expectNoHorizontalScroll(page, 360);
  await expectNoAxeViolations(page, "mes messages");

  // Job alerts: once a day instead of once a week (the default; back again on a retry)
  const alerts = card(page, "Nouvelles offres près de chez vous");
  const wanted = (await alerts.getByRole("radio", { name: "Une fois par semaine" }).isChecked()) ? "Une fois par jour" : "Une fois par semaine";
  await alerts.getByText(wanted).click();
  await alerts.getByRole("button", { name: "Enregistrer" }).click();
  await expect(alerts.getByText("C'est enregistré.")).toBeVisible();
  await page.reload();
  await expect(card(page, "Nouvelles offres près de chez vous").getByRole("radio", { name: wanted })).toBeChecked();
  // the account's own messages keep their e-mail
  await expect(card(page, "Votre compte").getByRole("checkbox", { name: "E-mail" })).toBeDisabled();
  await expectNoAxeViolations(page, "mes messages après enregistrement");

  // (a retry starts from e-mails on for the adviser's proposals)
  await trpc(page.request, "notifications.savePreference", { category: "proposal", channels: ["email", "push"], frequency: "immediately" }, "POST");

  // A forged token: the page says the link is wrong, the one-click address refuses, nothing changes
  const forged = "ZmFrZS50b2tlbg.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  await page.goto(`/desabonnement?jeton=${forged}`);
  await expect(page.getByText("Ce lien ne marche pas")).toBeVisible();
  await expect(page.getByRole("button", { name: "Ne plus recevoir ces e-mails" })).toHaveCount(0);
  await expectNoAxeViolations(page, "désabonnement, lien faux");
  const refused = await page.request.post(`/api/desabonnement?jeton=${forged}`, {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: "List-Unsubscribe=One-Click",
  });
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toContain("Rien n'a été changé");
  const before = await trpc<{ categories: { category: string; channels: string[] }[] }>(page.request, "notifications.preferences", undefined);
  expect(before.categories.find((c) => c.category === "proposal")!.channels).toContain("email");

  // A real e-mail: her adviser proposes an offer to her
  const me = await trpc<{ firstName: string; lastName: string } | null>(page.request, "auth.me", undefined);
  const sent = (await mailsTo(email)).length;
  const adviserContext = await browser.newContext();
  const adviser = await adviserContext.newPage();
  await signIn(adviser, DEMO.adviser, DEMO_PASSWORD, /\/conseiller/);
  const list = await trpc<{ items: { profileId: string }[] }>(adviser.request, "caseload.list", { query: `${me!.firstName} ${me!.lastName}` });
  const profileId = list.items[0]!.profileId;
  const offers = await trpc<{ id: string }[]>(adviser.request, "matching.offersForBeneficiary", { profileId, limit: 20 });
  let proposed = false;
  // an offer not proposed to her yet (a retry finds the first ones taken)
  for (const offer of offers) {
    proposed = await trpc(adviser.request, "proposals.create", { profileId, offerId: offer.id, message: "Elle est pour vous." }, "POST").then(() => true, () => false);
    if (proposed) break;
  }
  expect(proposed).toBe(true);
  // her adviser sees (not changes) how messages reach her
  await adviser.goto(`/conseiller/personnes/${profileId}`);
  const reach = adviser.getByRole("region", { name: "Comment nos messages la joignent" });
  await expect(reach.getByText(`Oui (${email})`)).toBeVisible();
  await expect(reach.getByText(/^Une fois par (jour|semaine)$/)).toBeVisible();
  await expectNoAxeViolations(adviser, "dossier de la personne");
  await adviserContext.close();

  // the e2e server's delivery job sends the outbox every minute
  let link = "";
  await expect
    .poll(async () => {
      const mail = (await mailsTo(email)).slice(sent).find((m) => m.subject.includes("Votre conseiller vous propose une offre"));
      link = /Ne plus recevoir ces e-mails : (\S+)/.exec(mail?.text ?? "")?.[1] ?? "";
      return link;
    }, { message: "the proposal's e-mail with its unsubscribe link", timeout: 90_000, intervals: [2_000] })
    .not.toBe("");

  await page.goto(link.replace(/^https?:\/\/[^/]+/, ""));
  await expect(page.getByText("Vous ne recevrez plus d'e-mail ni de SMS pour : « Une offre de votre conseiller ».")).toBeVisible();
  await expectNoAxeViolations(page, "désabonnement");
  await page.getByRole("button", { name: "Ne plus recevoir ces e-mails" }).click();
  await expect(page.getByRole("heading", { name: "C'est fait" })).toBeVisible();

  await page.goto("/beneficiaire/messages");
  const proposals = card(page, "Une offre de votre conseiller");
  await expect(proposals.getByRole("checkbox", { name: "E-mail" })).not.toBeChecked();
  // other categories untouched
  await expect(card(page, "Un employeur veut vous rencontrer").getByRole("checkbox", { name: "E-mail" })).toBeChecked();
});

test("employers, training organisations and advisers have their own Mes messages, from their menu", async ({ page }) => {
  for (const [email, home, path, category] of [
    [DEMO.employer, /\/employeur/, "/employeur/messages", "Nouvelles candidatures"],
    ["organisme1@demo.emploi41.fr", /\/organisme/, "/organisme/messages", "Nouvelles candidatures"],
    [DEMO.adviser, /\/conseiller/, "/conseiller/messages", "Points d'attention"],
  ] as const) {
    await page.context().clearCookies();
    await signIn(page, email, DEMO_PASSWORD, home);
    await page.getByRole("navigation").getByRole("link", { name: "Mes messages" }).first().click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(card(page, category)).toBeVisible();
    // no SMS for them: only e-mail and notifications
    await expect(page.getByRole("checkbox", { name: "SMS" })).toHaveCount(0);
    await expectNoHorizontalScroll(page, 360);
    await expectNoAxeViolations(page, path);
  }
});
