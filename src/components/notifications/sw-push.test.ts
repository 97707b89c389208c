import { readFileSync } from "node:fs";
import vm from "node:vm";
import { describe, expect, it } from "vitest";

// public/sw.js's push handlers, run in a service-worker-like global (the browser's
// registration and clients recorded): what a push shows, and where a tap leads.

type Listener = (event: Record<string, unknown>) => void;

function loadWorker() {
  const listeners = new Map<string, Listener>();
  const shown: Array<{ title: string; options: Record<string, unknown> }> = [];
  const opened: string[] = [];
  const navigated: string[] = [];
  const windows: Array<{ url: string; focus(): Promise<unknown>; navigate(u: string): Promise<unknown> }> = [];
  const self = {
    location: new URL("https://emploi.example.fr/sw.js"),
    addEventListener: (type: string, fn: Listener) => listeners.set(type, fn),
    registration: { showNotification: async (title: string, options: Record<string, unknown>) => void shown.push({ title, options }) },
    clients: {
      matchAll: async () => windows,
      openWindow: async (url: string) => void opened.push(url),
    },
  };
  vm.runInNewContext(readFileSync(new URL("../../../public/sw.js", import.meta.url), "utf8"), { self, URL, caches: {}, Headers, Response, setTimeout });
  const fire = async (type: string, event: Record<string, unknown>) => {
    let wait: Promise<unknown> = Promise.resolve();
    listeners.get(type)!({ ...event, waitUntil: (p: Promise<unknown>) => (wait = p) });
    await wait;
  };
  const windowAt = (url: string) => ({ url, focus: async () => undefined, navigate: async (u: string) => void navigated.push(u) });
  return { fire, shown, opened, navigated, windows, windowAt };
}

const pushEvent = (payload: unknown) => ({ data: { json: () => payload, text: () => JSON.stringify(payload) } });
const click = (url: unknown) => ({ notification: { close: () => undefined, data: { url } } });

describe("service worker: web push", () => {
  it("shows the payload's title and body with the app's icon", async () => {
    const w = loadWorker();
    await w.fire("push", pushEvent({ title: "Une entreprise veut vous rencontrer", body: "Ouvrez l'application.", url: "/beneficiaire/propositions" }));
    expect(w.shown).toEqual([
      {
        title: "Une entreprise veut vous rencontrer",
        options: expect.objectContaining({ body: "Ouvrez l'application.", icon: "/icons/icon-192.png", data: { url: "https://emploi.example.fr/beneficiaire/propositions" } }),
      },
    ]);
  });

  it("opens the page on this site only, focusing a window already there", async () => {
    const w = loadWorker();
    await w.fire("notificationclick", click("https://emploi.example.fr/beneficiaire/propositions"));
    await w.fire("notificationclick", click("https://ailleurs.example.com/piege"));
    await w.fire("notificationclick", click("javascript:alert(1)"));
    expect(w.opened).toEqual(["https://emploi.example.fr/beneficiaire/propositions", "https://emploi.example.fr/", "https://emploi.example.fr/"]);

    w.windows.push(w.windowAt("https://emploi.example.fr/beneficiaire"));
    await w.fire("notificationclick", click("/beneficiaire/candidatures"));
    expect(w.navigated).toEqual(["https://emploi.example.fr/beneficiaire/candidatures"]);
  });
});
