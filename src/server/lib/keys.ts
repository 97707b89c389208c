import { hkdfSync, randomBytes } from "node:crypto";

// Keys derived from AUTH_SECRET, one per purpose (HKDF-SHA256), so that a value made for one
// purpose (say, a candidate handle) can never be replayed as another. Without AUTH_SECRET
// (tests, `next dev` without a secret) a random key per process is used: what it protects
// then lasts as long as the process. Production refuses to start without AUTH_SECRET anyway
// (Auth.js), and so does this.

let processSecret: Buffer | null = null;

function masterSecret(): Buffer {
  const s = process.env.AUTH_SECRET?.trim();
  if (s) return Buffer.from(s, "utf8");
  if (process.env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
    throw new Error("AUTH_SECRET manquant : il est obligatoire en production.");
  }
  processSecret ??= randomBytes(32);
  return processSecret;
}

const cache = new Map<string, Buffer>();

/** A 32-byte key for one purpose ("candidate-handle", "card-quota"…). */
export function derivedKey(purpose: string): Buffer {
  const master = masterSecret();
  const id = `${master.toString("base64")}|${purpose}`;
  let key = cache.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", master, "emploi41", purpose, 32));
    cache.set(id, key);
  }
  return key;
}
