import { createECDH, createPublicKey, randomBytes, verify, type ECDH } from "node:crypto";
import { readFileSync } from "node:fs";
import { Agent, createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
// http_ece (a dependency of web-push, RFC 8188 / RFC 8291) has no types: its decrypt is enough here
const ece = createRequire(import.meta.url)("http_ece") as { decrypt(buffer: Buffer, params: { version: string; privateKey: ECDH; authSecret: string }): Buffer };

// A local Web Push endpoint (what a browser's push service is to the sender), over HTTPS as
// web-push requires, with the test certificate in ./tls. Each subscription made here holds a real
// receiver key pair (ECDH P-256) and a 16-byte auth secret, as a browser's would: the endpoint
// checks the VAPID authorization (RFC 8292: an ES256 JWT for this origin, signed by the key `k`)
// and DECRYPTS each message (RFC 8291, aes128gcm) with the subscription's keys.

const cert = readFileSync(new URL("./tls/localhost-cert.pem", import.meta.url));
const key = readFileSync(new URL("./tls/localhost-key.pem", import.meta.url));

export type ReceivedPush = { subscription: string; ttl: number; urgency: string | null; vapidPublicKey: string; payload: unknown };

export type TestSubscription = { id: string; endpoint: string; p256dh: string; auth: string };

export type PushEndpoint = {
  origin: string;
  /** an agent trusting the test certificate, for VapidPushSender */
  agent: Agent;
  received: ReceivedPush[];
  /** requests refused because they could not be checked or decrypted (should stay empty) */
  rejected: string[];
  /** a new subscription, as a browser's PushManager.subscribe would give it */
  subscribe(): TestSubscription;
  /** the status a subscription's next messages get (201 by default; 410 = gone, 500 = down) */
  answer(id: string, status: number): void;
  close(): Promise<void>;
};

const b64url = (b: Buffer) => b.toString("base64url");

function checkVapid(header: string | undefined, origin: string): string {
  // "vapid t=<jwt>, k=<public key>"
  const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? "");
  if (!m) throw new Error(`Authorization inattendu : ${header}`);
  const [, jwt, k] = m as unknown as [string, string, string];
  const [h, p, s] = jwt.split(".");
  const claims = JSON.parse(Buffer.from(p!, "base64url").toString()) as { aud: string; exp: number; sub: string };
  if (JSON.parse(Buffer.from(h!, "base64url").toString()).alg !== "ES256") throw new Error("alg");
  if (claims.aud !== origin) throw new Error(`aud ${claims.aud} ≠ ${origin}`);
  if (!(claims.exp * 1000 > Date.now())) throw new Error("exp");
  if (!/^(mailto:|https:)/.test(claims.sub)) throw new Error("sub");
  const raw = Buffer.from(k, "base64url");
  const publicKey = createPublicKey({ key: { kty: "EC", crv: "P-256", x: b64url(raw.subarray(1, 33)), y: b64url(raw.subarray(33, 65)) }, format: "jwk" });
  if (!verify("sha256", Buffer.from(`${h}.${p}`), { key: publicKey, dsaEncoding: "ieee-p1363" }, Buffer.from(s!, "base64url"))) {
    throw new Error("signature VAPID invalide");
  }
  return k;
}

export async function startPushEndpoint(): Promise<PushEndpoint> {
  const subscriptions = new Map<string, { ecdh: ECDH; auth: string; status: number }>();
  const received: ReceivedPush[] = [];
  const rejected: string[] = [];
  let origin = "";
  const server: Server = createServer({ cert, key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const id = /^\/push\/([\w-]+)$/.exec(req.url ?? "")?.[1];
      const sub = id ? subscriptions.get(id) : undefined;
      if (req.method !== "POST" || !id || !sub) {
        res.writeHead(404).end();
        return;
      }
      if (sub.status !== 201) {
        res.writeHead(sub.status).end();
        return;
      }
      try {
        if (req.headers["content-encoding"] !== "aes128gcm") throw new Error(`Content-Encoding ${req.headers["content-encoding"]}`);
        const ttl = Number(req.headers.ttl);
        if (!Number.isInteger(ttl) || ttl < 0) throw new Error(`TTL ${req.headers.ttl}`);
        const vapidPublicKey = checkVapid(req.headers.authorization, origin);
        const clear = ece.decrypt(Buffer.concat(chunks), { version: "aes128gcm", privateKey: sub.ecdh, authSecret: sub.auth });
        received.push({ subscription: id, ttl, urgency: (req.headers.urgency as string) ?? null, vapidPublicKey, payload: JSON.parse(clear.toString("utf8")) });
        res.writeHead(201, { location: `${origin}/message/${received.length}` }).end();
      } catch (err) {
        rejected.push(err instanceof Error ? err.message : String(err));
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  origin = `https://127.0.0.1:${port}`;
  const agent = new Agent({ ca: cert, keepAlive: false });
  return {
    origin,
    agent,
    received,
    rejected,
    subscribe() {
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const id = randomBytes(8).toString("hex");
      const auth = b64url(randomBytes(16));
      subscriptions.set(id, { ecdh, auth, status: 201 });
      return { id, endpoint: `${origin}/push/${id}`, p256dh: b64url(ecdh.getPublicKey()), auth };
    },
    answer(id, status) {
      subscriptions.get(id)!.status = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}
