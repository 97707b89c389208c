// Web push (RFC 8030) with VAPID (RFC 8292) and encrypted payloads (RFC 8291, aes128gcm), through
// the `web-push` package. The browser's push service answers 404 or 410 when the subscription no
// longer exists (the person turned notifications off, or reinstalled): it is then deleted.

import type { Agent } from "node:https";
import webpush from "web-push";

export type PushTarget = { endpoint: string; p256dh: string; auth: string };
/** What the service worker (public/sw.js) shows: a title, a line, and the page a tap opens. */
export type PushPayload = { title: string; body: string; url: string | null };

export class PushError extends Error {
  constructor(
    message: string,
    /** the push service says the subscription is gone: delete it */
    public readonly gone: boolean,
    public readonly retryable: boolean,
    public readonly status?: number,
  ) {
    super(message);
    this.name = "PushError";
  }
}

export class PushConfigError extends Error {}

export interface PushSender {
  /** The VAPID public key the browser subscribes with (base64url). */
  readonly publicKey: string;
  send(target: PushTarget, payload: PushPayload, options?: { ttlSeconds?: number }): Promise<void>;
}

/** A message nobody saw in a day is stale: the push service may drop it after that. */
export const DEFAULT_PUSH_TTL_SECONDS = 24 * 3600;

export type VapidKeys = { publicKey: string; privateKey: string };

/** A new VAPID key pair (base64url), for WEB_PUSH_PUBLIC_KEY and WEB_PUSH_PRIVATE_KEY. */
export function generateVapidKeys(): VapidKeys {
  const keys = webpush.generateVAPIDKeys();
  return { publicKey: keys.publicKey, privateKey: keys.privateKey };
}

export class VapidPushSender implements PushSender {
  constructor(
    private readonly vapid: VapidKeys & { subject: string },
    /** how to reach push services (a proxy, or the tests' certificate authority); Node's default otherwise */
    private readonly agent?: Agent,
  ) {}

  get publicKey(): string {
    return this.vapid.publicKey;
  }

  async send(target: PushTarget, payload: PushPayload, options: { ttlSeconds?: number } = {}): Promise<void> {
    try {
      await webpush.sendNotification(
        { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
        JSON.stringify(payload),
        {
          vapidDetails: { subject: this.vapid.subject, publicKey: this.vapid.publicKey, privateKey: this.vapid.privateKey },
          TTL: options.ttlSeconds ?? DEFAULT_PUSH_TTL_SECONDS,
          contentEncoding: "aes128gcm",
          urgency: "normal",
          timeout: 15_000,
          ...(this.agent ? { agent: this.agent } : {}),
        },
      );
    } catch (err) {
      const status = (err as { statusCode?: unknown }).statusCode;
      if (typeof status === "number") {
        const gone = status === 404 || status === 410;
        const retryable = status === 429 || status >= 500;
        throw new PushError(`service de notification : HTTP ${status}`, gone, retryable, status);
      }
      // no answer at all (network, timeout): try again later
      throw new PushError(`service de notification injoignable : ${err instanceof Error ? err.message : String(err)}`, false, true);
    }
  }
}

/**
 * The web-push sender from the environment: WEB_PUSH_PUBLIC_KEY and WEB_PUSH_PRIVATE_KEY (from
 * `notifications vapid`), WEB_PUSH_SUBJECT (mailto:… or https://…, how push services reach the
 * operator). Null when they are absent: push messages then wait in the outbox.
 */
export function pushSenderFromEnv(env: Record<string, string | undefined> = process.env): PushSender | null {
  const publicKey = env.WEB_PUSH_PUBLIC_KEY?.trim();
  const privateKey = env.WEB_PUSH_PRIVATE_KEY?.trim();
  const subject = env.WEB_PUSH_SUBJECT?.trim();
  if (!publicKey && !privateKey && !subject) return null;
  if (!publicKey || !privateKey) {
    throw new PushConfigError("WEB_PUSH_PUBLIC_KEY et WEB_PUSH_PRIVATE_KEY vont ensemble : créez-les avec « npm run cli -- notifications vapid ».");
  }
  if (!subject || !/^(mailto:\S+@\S+|https:\/\/\S+)$/.test(subject)) {
    throw new PushConfigError("WEB_PUSH_SUBJECT doit être une adresse mailto:… ou https://… pour joindre l'exploitant.");
  }
  try {
    webpush.setVapidDetails(subject, publicKey, privateKey); // validates both keys' encoding and length
  } catch (err) {
    throw new PushConfigError(`clés VAPID invalides : ${err instanceof Error ? err.message : String(err)}`);
  }
  return new VapidPushSender({ publicKey, privateKey, subject });
}

/** The public key alone, for the browser (no error when push is not configured). */
export function pushPublicKeyFromEnv(env: Record<string, string | undefined> = process.env): string | null {
  try {
    return pushSenderFromEnv(env)?.publicKey ?? null;
  } catch {
    return null;
  }
}
