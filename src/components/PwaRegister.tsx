"use client";

import { useEffect } from "react";

/**
 * Installs the service worker (public/sw.js) once the page has loaded, in production builds
 * only (in development it would serve stale code). With `signedIn={false}` it also asks the
 * worker to forget the offers and formations kept for offline reading: after signing out,
 * the next person on a shared phone must not find them.
 */
export function PwaRegister({ signedIn }: { signedIn?: boolean }) {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    const register = () => {
      navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
        // no offline mode (private browsing, old browser): the site works the same online
      });
    };
    if (document.readyState === "complete") register();
    else window.addEventListener("load", register, { once: true });
    return () => window.removeEventListener("load", register);
  }, []);

  useEffect(() => {
    // Offline, this page may be a cached copy rendered signed out (the offline page): it says
    // nothing about the person now, so it must not wipe what they kept.
    if (signedIn !== false || !navigator.onLine || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.controller?.postMessage({ type: "clear-user-data" });
  }, [signedIn]);

  return null;
}
