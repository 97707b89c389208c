import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBrevoSmsServer, type BrevoSmsServer } from "../testing/brevo-sms-server";
import { startPushEndpoint, type PushEndpoint } from "../testing/push-endpoint";
import { BrevoSmsProvider, SmsConfigError, SmsError, smsProviderFromEnv } from "./sms";
import { generateVapidKeys, PushConfigError, PushError, pushSenderFromEnv, VapidPushSender } from "./push";

// The two channel adapters against real local servers: one playing Brevo's documented SMS API,
// one playing a browser's push service that decrypts what it receives.

describe("Brevo SMS adapter", () => {
  let brevo: BrevoSmsServer;
  beforeAll(async () => {
    brevo = await startBrevoSmsServer("cle-de-test");
  });
  afterAll(() => brevo.close());

  it("sends a transactional SMS with the api-key header and the documented body", async () => {
    const provider = smsProviderFromEnv({ SMS_API_KEY: "cle-de-test", SMS_SENDER: "Emploi41", SMS_API_URL: brevo.url })!;
    brevo.answer = 201;
    const { providerId } = await provider.send({ to: "+33612345678", text: "Amina, une entreprise veut vous rencontrer." });
    expect(providerId).toMatch(/^\d+$/);
    expect(brevo.received.at(-1)).toEqual({
      sender: "Emploi41",
      recipient: "33612345678",
      content: "Amina, une entreprise veut vous rencontrer.",
      type: "transactional",
      unicodeEnabled: false,
    });
    await provider.send({ to: "+262692123456", text: "Réponse reçue." });
    expect(brevo.received.at(-1)).toMatchObject({ recipient: "262692123456", unicodeEnabled: true });
  });

  it("a wrong key or a refused number is permanent; 429, 5xx and no answer may pass", async () => {
    const wrongKey = new BrevoSmsProvider({ apiKey: "mauvaise", sender: "Emploi41", apiUrl: brevo.url });
    await expect(wrongKey.send({ to: "+33612345678", text: "x" })).rejects.toMatchObject({ name: "SmsError", retryable: false, status: 401 });
    const provider = new BrevoSmsProvider({ apiKey: "cle-de-test", sender: "Emploi41", apiUrl: brevo.url });
    for (const [status, retryable] of [[400, false], [402, false], [429, true], [500, true], [503, true]] as const) {
      brevo.answer = status;
      const err = await provider.send({ to: "+33612345678", text: "x" }).catch((e: unknown) => e);
      expect(err, String(status)).toBeInstanceOf(SmsError);
      expect(err).toMatchObject({ retryable, status });
    }
    brevo.answer = 201;
    const down = new BrevoSmsProvider({ apiKey: "cle-de-test", sender: "Emploi41", apiUrl: "http://127.0.0.1:1" });
    await expect(down.send({ to: "+33612345678", text: "x" })).rejects.toMatchObject({ retryable: true });
  });

  it("reads its configuration from the environment, refusing a wrong sender", () => {
    expect(smsProviderFromEnv({})).toBeNull();
    expect(() => smsProviderFromEnv({ SMS_API_KEY: "k" })).toThrow(SmsConfigError);
    expect(() => smsProviderFromEnv({ SMS_API_KEY: "k", SMS_SENDER: "Emploi Loir-et-Cher" })).toThrow(/11 caractères au plus/);
    expect(() => smsProviderFromEnv({ SMS_API_KEY: "k", SMS_SENDER: "Département" })).toThrow(SmsConfigError);
    expect(() => smsProviderFromEnv({ SMS_API_KEY: "k", SMS_SENDER: "Emploi41", SMS_API_URL: "ftp://x" })).toThrow(SmsConfigError);
    expect(smsProviderFromEnv({ SMS_API_KEY: "k", SMS_SENDER: "Emploi41" })).toBeInstanceOf(BrevoSmsProvider);
  });
});

describe("web-push sender", () => {
  let endpoint: PushEndpoint;
  beforeAll(async () => {
    endpoint = await startPushEndpoint();
  });
  afterAll(() => endpoint.close());

  it("sends a VAPID-signed, encrypted payload that the subscription's keys decrypt", async () => {
    const keys = generateVapidKeys();
    const sender = new VapidPushSender({ ...keys, subject: "mailto:exploitation@example.fr" }, endpoint.agent);
    const sub = endpoint.subscribe();
    await sender.send(sub, { title: "Nouvelle candidature", body: "Quelqu'un a répondu à votre offre.", url: "/employeur/offres" }, { ttlSeconds: 3600 });
    expect(endpoint.rejected).toEqual([]);
    expect(endpoint.received.at(-1)).toEqual({
      subscription: sub.id,
      ttl: 3600,
      urgency: "normal",
      vapidPublicKey: keys.publicKey,
      payload: { title: "Nouvelle candidature", body: "Quelqu'un a répondu à votre offre.", url: "/employeur/offres" },
    });
  });

  it("says when a subscription is gone (404, 410) and when a failure may pass", async () => {
    const sender = new VapidPushSender({ ...generateVapidKeys(), subject: "https://emploi.example.fr" }, endpoint.agent);
    for (const [status, gone, retryable] of [[410, true, false], [404, true, false], [500, false, true], [429, false, true], [400, false, false]] as const) {
      const sub = endpoint.subscribe();
      endpoint.answer(sub.id, status);
      const err = await sender.send(sub, { title: "t", body: "b", url: null }).catch((e: unknown) => e);
      expect(err, String(status)).toBeInstanceOf(PushError);
      expect(err).toMatchObject({ gone, retryable, status });
    }
  });

  it("reads its configuration from the environment", () => {
    expect(pushSenderFromEnv({})).toBeNull();
    const keys = generateVapidKeys();
    const sender = pushSenderFromEnv({ WEB_PUSH_PUBLIC_KEY: keys.publicKey, WEB_PUSH_PRIVATE_KEY: keys.privateKey, WEB_PUSH_SUBJECT: "mailto:ops@example.fr" });
    expect(sender?.publicKey).toBe(keys.publicKey);
    expect(() => pushSenderFromEnv({ WEB_PUSH_PUBLIC_KEY: keys.publicKey })).toThrow(PushConfigError);
    expect(() => pushSenderFromEnv({ WEB_PUSH_PUBLIC_KEY: keys.publicKey, WEB_PUSH_PRIVATE_KEY: keys.privateKey, WEB_PUSH_SUBJECT: "ops@example.fr" })).toThrow(/mailto/);
    expect(() => pushSenderFromEnv({ WEB_PUSH_PUBLIC_KEY: "abc", WEB_PUSH_PRIVATE_KEY: "def", WEB_PUSH_SUBJECT: "mailto:ops@example.fr" })).toThrow(PushConfigError);
  });
});
