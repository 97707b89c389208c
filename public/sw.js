/*
 * Emploi — service worker: the app shell and the last offers stay readable offline.
 *
 * - shell (precached at install): the offline page, fetched without cookies, and the static
 *   files it needs; the manifest and the icons.
 * - /_next/static/ (names hashed by Next): cache-first, kept as they are fetched.
 * - navigations: network first; the offers and formations pages are kept (the last one of
 *   each address) and shown when the network is down; any other page falls back to the
 *   offline page.
 * - GET tRPC calls of matching.offersForBeneficiary / formationsForBeneficiary: network first,
 *   the last answer when the network is down.
 * - never cached: anything but GET, /api/auth, /api/cv, /api/mes-donnees, other API calls.
 * - the kept pages are forgotten on sign-out (message "clear-user-data") and when the
 *   sign-in page is opened; sign-out also turns this browser's web push off (a shared phone must
 *   not show the last person's notifications to the next one).
 * - web push: a `push` message { title, body, url } is shown as a notification; a tap opens (or
 *   focuses) its page, on this site only.
 *
 * Bump VERSION when this file's caching rules change: old caches are deleted on activate.
 */
const VERSION = "v2";
const SHELL_CACHE = `emploi-shell-${VERSION}`;
const STATIC_CACHE = `emploi-static-${VERSION}`;
const DATA_CACHE = `emploi-data-${VERSION}`;
const CACHES = [SHELL_CACHE, STATIC_CACHE, DATA_CACHE];

const OFFLINE_URL = "/offline";
const SHELL_URLS = [
  "/manifest.webmanifest",
  "/icons/icon-192.png",
  "/icons/icon-512.png",
  "/icons/maskable-192.png",
  "/icons/maskable-512.png",
  "/icons/sprite.svg",
];

/** Pages whose last version is kept for offline reading (with their query: filters). */
const KEPT_PAGES = ["/beneficiaire/offres", "/beneficiaire/formations"];
/** tRPC procedures whose last answers are kept. */
const KEPT_PROCEDURES = new Set(["matching.offersForBeneficiary", "matching.formationsForBeneficiary"]);
/** Never through the cache, whatever the method. */
const NEVER = ["/api/auth", "/api/cv", "/api/mes-donnees"];

const MAX_DATA_ENTRIES = 12;
const MAX_STATIC_ENTRIES = 200;
/** On a very slow network, show the kept page after this long (the network answer still refreshes it). */
const SLOW_NETWORK_MS = 8000;
/** A page fetched in the background to keep (see keepPageInBackground) is refreshed at most this often. */
const BACKGROUND_REFRESH_MS = 10 * 60 * 1000;
const STORED_AT = "x-sw-stored-at";

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL_CACHE);
      await shell.addAll(SHELL_URLS);
      // The offline page as an anonymous visitor sees it: no name in its header.
      const response = await fetch(new Request(OFFLINE_URL, { credentials: "omit", cache: "reload" }));
      if (!response.ok) throw new Error(`offline page: ${response.status}`);
      const html = await response.clone().text();
      await shell.put(OFFLINE_URL, response);
      // ... and the CSS and scripts it loads, so that it shows with its styles.
      const assets = [...new Set(html.match(/\/_next\/static\/[^"'\s)\\]+/g) ?? [])];
      const statics = await caches.open(STATIC_CACHE);
      await Promise.all(assets.map((url) => statics.add(url).catch(() => undefined)));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith("emploi-") && !CACHES.includes(n)).map((n) => caches.delete(n)));
      if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data?.type === "clear-user-data") {
    event.waitUntil(
      Promise.all([
        caches.delete(DATA_CACHE),
        // the push service then answers 410 to the server, which forgets the subscription
        self.registration.pushManager
          ?.getSubscription()
          .then((subscription) => subscription?.unsubscribe())
          .catch(() => undefined),
      ]),
    );
  }
});

const NOTIFICATION_ICON = "/icons/icon-192.png";

/** The page a notification opens: an address on this site, else the home page (never elsewhere). */
function sameOriginUrl(value) {
  try {
    const url = new URL(typeof value === "string" && value ? value : "/", self.location.origin);
    return url.origin === self.location.origin ? url.href : new URL("/", self.location.origin).href;
  } catch {
    return new URL("/", self.location.origin).href;
  }
}

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : "" };
  }
  const title = typeof data.title === "string" && data.title ? data.title : "Nouvelle notification";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof data.body === "string" ? data.body : "",
      icon: NOTIFICATION_ICON,
      badge: NOTIFICATION_ICON,
      lang: "fr",
      data: { url: sameOriginUrl(data.url) },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = sameOriginUrl(event.notification.data?.url);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const same = windows.find((w) => w.url === url);
      if (same) return same.focus();
      const ours = windows.find((w) => new URL(w.url).origin === self.location.origin && "navigate" in w);
      if (ours) {
        await ours.focus();
        return ours.navigate(url);
      }
      return self.clients.openWindow(url);
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return; // POSTs (sign-in, applications, server actions) go straight through
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const never = NEVER.some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`));
  if (never || (url.pathname.startsWith("/api/") && !url.pathname.startsWith("/api/trpc/"))) {
    // Straight to the network, never kept. (A navigation still takes the request the browser
    // preloaded, else it would be sent twice: a PDF or an export built twice.)
    if (request.mode === "navigate") event.respondWith(preloadedOrFetch(event));
    return;
  }

  if (url.pathname.startsWith("/_next/static/")) {
    event.respondWith(cacheFirst(request, STATIC_CACHE, MAX_STATIC_ENTRIES));
    return;
  }
  if (url.pathname.startsWith("/api/trpc/")) {
    if (isKeptTrpcCall(url)) event.respondWith(networkFirst(request, DATA_CACHE));
    return;
  }
  if (SHELL_URLS.includes(url.pathname) || url.pathname.startsWith("/icons/") || url.pathname.startsWith("/instance/")) {
    event.respondWith(staleWhileRevalidate(request, SHELL_CACHE));
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(navigation(event, url));
    return;
  }
  // A move inside the app (Next fetches the page's data, not its HTML): keep the HTML too.
  const prefetch = request.headers.has("Next-Router-Prefetch") || request.headers.has("Next-Router-Segment-Prefetch");
  if (request.headers.get("RSC") === "1" && !prefetch && isKeptPage(url)) {
    event.waitUntil(keepPageInBackground(url));
  }
});

async function preloadedOrFetch(event) {
  return (await event.preloadResponse) ?? fetch(event.request);
}

function isKeptPage(url) {
  return KEPT_PAGES.includes(url.pathname.replace(/\/$/, ""));
}

/** /api/trpc/a.b,c.d?batch=1&input=…: kept only when every procedure of the batch is. */
function isKeptTrpcCall(url) {
  const procedures = decodeURIComponent(url.pathname.slice("/api/trpc/".length)).split(",");
  return procedures.length > 0 && procedures.every((p) => KEPT_PROCEDURES.has(p));
}

/** The page's address without Next's own parameters (_rsc), the key it is kept under. */
function pageKey(url) {
  const clean = new URL(url.href);
  clean.searchParams.delete("_rsc");
  clean.hash = "";
  return clean.href;
}

function stamped(response) {
  const headers = new Headers(response.headers);
  headers.set(STORED_AT, String(Date.now()));
  return response.blob().then((body) => new Response(body, { status: response.status, statusText: response.statusText, headers }));
}

function keepable(response) {
  return response && response.ok && response.type === "basic" && !response.redirected;
}

async function put(cacheName, key, response, max) {
  const cache = await caches.open(cacheName);
  await cache.put(key, await stamped(response));
  if (max) await trim(cache, max);
}

/** Deletes the oldest entries beyond `max` (keys come back in insertion order). */
async function trim(cache, max) {
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - max))) await cache.delete(key);
}

async function cacheFirst(request, cacheName, max) {
  const cache = await caches.open(cacheName);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (keepable(response)) {
    await cache.put(request, response.clone());
    await trim(cache, max);
  }
  return response;
}

async function staleWhileRevalidate(request, cacheName) {
  const cache = await caches.open(cacheName);
  const hit = await cache.match(request, { ignoreSearch: true });
  const refresh = fetch(request)
    .then(async (response) => {
      if (keepable(response)) await cache.put(request, response.clone());
      return response;
    })
    .catch(() => undefined);
  return hit ?? (await refresh) ?? Response.error();
}

async function networkFirst(request, cacheName) {
  try {
    const response = await fetch(request);
    if (keepable(response)) await put(cacheName, request.url, response.clone(), MAX_DATA_ENTRIES);
    return response;
  } catch (error) {
    const hit = await caches.match(request.url, { cacheName, ignoreVary: true });
    if (hit) return hit;
    throw error;
  }
}

async function offlinePage() {
  const page = await caches.match(OFFLINE_URL, { cacheName: SHELL_CACHE });
  return (
    page ??
    new Response(
      '<!doctype html><html lang="fr"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Pas de connexion</title><h1>Pas de connexion</h1><p>Votre téléphone n\'est pas connecté à Internet. Réessayez plus tard.</p></html>',
      { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } },
    )
  );
}

/** The kept copy of a page: this exact address, else the same page with other filters. */
async function keptPage(url) {
  const cache = await caches.open(DATA_CACHE);
  return (
    (await cache.match(pageKey(url), { ignoreVary: true })) ??
    (await cache.match(pageKey(url), { ignoreVary: true, ignoreSearch: true })) ??
    null
  );
}

async function navigation(event, url) {
  if (url.pathname === "/connexion") event.waitUntil(caches.delete(DATA_CACHE));
  const keep = isKeptPage(url);
  const network = (async () => {
    const response = await preloadedOrFetch(event);
    if (keep && keepable(response)) event.waitUntil(put(DATA_CACHE, pageKey(url), response.clone(), MAX_DATA_ENTRIES));
    return response;
  })();
  if (!keep) {
    try {
      return await network;
    } catch {
      return offlinePage();
    }
  }
  // A kept page: the network's answer, or the kept copy if the network fails or is very slow.
  const kept = await keptPage(url);
  const slow = kept
    ? new Promise((resolve) => setTimeout(() => resolve(kept), SLOW_NETWORK_MS))
    : new Promise(() => undefined);
  try {
    return await Promise.race([network, slow]);
  } catch {
    return kept ?? offlinePage();
  }
}

/**
 * Inside the app, Next moves to the offers page by fetching its data, not its HTML, so
 * nothing would be kept for offline reading. Fetch the HTML once in a while to keep it.
 */
async function keepPageInBackground(url) {
  const key = pageKey(url);
  const cache = await caches.open(DATA_CACHE);
  const kept = await cache.match(key, { ignoreVary: true });
  const storedAt = Number(kept?.headers.get(STORED_AT) ?? 0);
  if (Date.now() - storedAt < BACKGROUND_REFRESH_MS) return;
  try {
    const response = await fetch(key, { credentials: "same-origin", headers: { Accept: "text/html" } });
    if (keepable(response) && (response.headers.get("Content-Type") ?? "").includes("text/html")) {
      await put(DATA_CACHE, key, response, MAX_DATA_ENTRIES);
    }
  } catch {
    // offline: keep what we have
  }
}
