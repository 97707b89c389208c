"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { useTRPCClient } from "@/lib/trpc/client";

/**
 * "Recevoir les notifications sur ce téléphone": turns web push on or off for this browser.
 * Says plainly why when it cannot: the browser does not support it (on iPhone, only once the
 * site is on the home screen), the person refused it before, or the site does not offer it.
 */

type State =
  | "checking"
  | "unsupported"
  | "unavailable" // the site has no VAPID keys
  | "denied"
  | "off"
  | "on"
  | "busy";

/** The VAPID public key (base64url) as the bytes PushManager.subscribe wants. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = (base64url + "=".repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

function supported(): boolean {
  return typeof window !== "undefined" && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

async function workerRegistration(): Promise<ServiceWorkerRegistration | null> {
  const existing = await navigator.serviceWorker.getRegistration("/");
  if (existing) return existing;
  try {
    await navigator.serviceWorker.register("/sw.js", { scope: "/" });
    return await navigator.serviceWorker.ready;
  } catch {
    return null;
  }
}

export function PushToggle() {
  const client = useTRPCClient();
  const [state, setState] = useState<State>("checking");
  const [error, setError] = useState<string | null>(null);
  const [publicKey, setPublicKey] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    void (async () => {
      if (!supported()) return setState("unsupported");
      const { publicKey: key } = await client.notifications.pushKey.query().catch(() => ({ publicKey: null }));
      if (!alive) return;
      if (!key) return setState("unavailable");
      setPublicKey(key);
      if (Notification.permission === "denied") return setState("denied");
      const registration = await navigator.serviceWorker.getRegistration("/");
      const subscription = await registration?.pushManager.getSubscription();
      if (alive) setState(subscription ? "on" : "off");
    })();
    return () => {
      alive = false;
    };
  }, [client]);

  async function turnOn() {
    if (!publicKey) return;
    setError(null);
    setState("busy");
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") return setState(permission === "denied" ? "denied" : "off");
      const registration = await workerRegistration();
      if (!registration) {
        setError("Votre navigateur n'a pas pu préparer les notifications. Rechargez la page puis réessayez.");
        return setState("off");
      }
      const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
      const json = subscription.toJSON() as { endpoint?: string; keys?: { p256dh?: string; auth?: string } };
      await client.notifications.subscribe.mutate({ endpoint: json.endpoint ?? "", keys: { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" } });
      setState("on");
    } catch {
      setError("Les notifications n'ont pas pu être activées. Vérifiez que vous avez du réseau, puis réessayez.");
      setState("off");
    }
  }

  async function turnOff() {
    setError(null);
    setState("busy");
    try {
      const registration = await navigator.serviceWorker.getRegistration("/");
      const subscription = await registration?.pushManager.getSubscription();
      if (subscription) {
        await client.notifications.unsubscribe.mutate({ endpoint: subscription.endpoint });
        await subscription.unsubscribe();
      }
      setState("off");
    } catch {
      setError("Les notifications n'ont pas pu être coupées. Vérifiez que vous avez du réseau, puis réessayez.");
      setState("on");
    }
  }

  if (state === "checking") return <p className="push-toggle" aria-busy="true">Vérification des notifications…</p>;
  if (state === "unsupported") {
    return (
      <Notice tone="info" title="Ce navigateur ne peut pas recevoir de notifications">
        <p>Vous recevrez nos messages par e-mail ou par SMS.</p>
        <p>Sur iPhone : ajoutez d&apos;abord le site à l&apos;écran d&apos;accueil (bouton Partager, puis « Sur l&apos;écran d&apos;accueil »), puis ouvrez-le depuis cette icône.</p>
      </Notice>
    );
  }
  if (state === "unavailable") {
    return (
      <Notice tone="info" title="Notifications sur téléphone indisponibles">
        <p>Ce site n&apos;envoie pas encore de notifications sur téléphone. Vous recevrez nos messages par e-mail ou par SMS.</p>
      </Notice>
    );
  }
  if (state === "denied") {
    return (
      <Notice tone="warning" title="Vous avez refusé les notifications pour ce site">
        <p>
          Pour les recevoir, ouvrez les réglages de votre navigateur (le cadenas à côté de l&apos;adresse du site), choisissez
          « Notifications », puis « Autoriser ». Revenez ensuite sur cette page.
        </p>
      </Notice>
    );
  }
  return (
    <div className="push-toggle">
      {state === "on" ? (
        <>
          <Notice tone="success" live="none" title="Ce téléphone reçoit vos notifications" />
          <Button variant="secondary" block onClick={turnOff}>
            Ne plus recevoir les notifications sur ce téléphone
          </Button>
        </>
      ) : (
        <>
          <Button block busy={state === "busy"} busyLabel="Un instant…" onClick={turnOn}>
            Recevoir les notifications sur ce téléphone
          </Button>
          <p className="field__hint">Votre téléphone vous demandera d&apos;autoriser les notifications : touchez « Autoriser ». Si vous vous déconnectez, il ne les reçoit plus.</p>
        </>
      )}
      {error ? (
        <Notice tone="error" title="Ça n'a pas marché">
          <p>{error}</p>
        </Notice>
      ) : null}
    </div>
  );
}
