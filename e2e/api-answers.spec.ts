import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, signIn } from "./helpers";

// Issue 15, item 13, on the production server: a signed-in person's API answers are never
// stored (Cache-Control: no-store), and a tRPC batch holds at most 10 calls.

test("a signed-in adviser's API answers carry no-store, and a batch over 10 calls is refused in French", async ({ page }) => {
  await signIn(page, DEMO.adviser, DEMO_PASSWORD, /\/conseiller/);
  const api = page.request;

  const me = await api.get("/api/trpc/auth.me");
  expect(me.status()).toBe(200);
  expect(me.headers()["cache-control"]).toBe("no-store");
  expect(await me.text()).toContain(DEMO.adviser);

  const list = await api.get(`/api/trpc/caseload.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`);
  expect(list.status()).toBe(200);
  expect(list.headers()["cache-control"]).toBe("no-store");

  const calls = (n: number) => Array.from({ length: n }, () => "auth.me").join(",");
  const inputs = (n: number) => encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, {}]))));
  const ten = await api.get(`/api/trpc/${calls(10)}?batch=1&input=${inputs(10)}`);
  expect(ten.status()).toBe(200);
  expect((await ten.json()) as unknown[]).toHaveLength(10);
  const eleven = await api.get(`/api/trpc/${calls(11)}?batch=1&input=${inputs(11)}`);
  expect(eleven.status()).toBe(413);
  expect(eleven.headers()["cache-control"]).toBe("no-store");
  expect(((await eleven.json()) as { error: { message: string } }).error.message).toBe("Trop d'appels dans une seule requête (11) : 10 au plus.");

  // the adviser's other personal downloads
  const data = await api.get("/api/mes-donnees");
  expect(data.status()).toBe(200);
  expect(data.headers()["cache-control"]).toContain("no-store");
});
