import { createCipheriv, createDecipheriv, createHmac } from "node:crypto";
import { z } from "zod";
import { derivedKey } from "../lib/keys";

// What an organisation holds of a candidate before consent is a handle bound to ONE offer:
// the profile id encrypted with AES-256-GCM under a key derived from AUTH_SECRET, with the
// offer id as associated data. Two offers' lists share no identifier (their handles and
// display references differ), so lists cannot be joined; a handle presented with another
// offer fails authentication and answers as a missing candidate; nobody can forge one.
// The nonce is derived from (offer, profile) (synthetic-IV style): the same person on the
// same offer keeps the same handle, so links and refreshes stay stable, and a nonce is only
// ever reused for the very same plaintext and associated data.

const PURPOSE = "candidate-handle";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function uuidBytes(id: string): Buffer {
  return Buffer.from(id.replace(/-/g, ""), "hex");
}

function bytesUuid(b: Buffer): string {
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The handle of a person for one offer (URL-safe, 59 characters). */
export function candidateHandle(offerId: string, profileId: string): string {
  const key = derivedKey(PURPOSE);
  const iv = createHmac("sha256", key).update(`iv|${offerId}|${profileId}`).digest().subarray(0, 12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(offerId, "utf8"));
  const body = Buffer.concat([cipher.update(uuidBytes(profileId)), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
}

/** The profile behind a handle made for this offer; null for anything else (another offer's, altered, garbage). */
export function profileOfHandle(offerId: string, handle: string): string | null {
  const raw = Buffer.from(handle, "base64url");
  if (raw.length !== 12 + 16 + 16 || raw.toString("base64url") !== handle) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", derivedKey(PURPOSE), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(offerId, "utf8"));
    decipher.setAuthTag(raw.subarray(28));
    const id = bytesUuid(Buffer.concat([decipher.update(raw.subarray(12, 28)), decipher.final()]));
    return UUID.test(id) ? id : null;
  } catch {
    return null;
  }
}

/** The short display reference of a person on one offer ("réf. K7P2QX"): differs from one offer to the next. */
export function referenceFor(offerId: string, profileId: string): string {
  const d = createHmac("sha256", derivedKey("candidate-reference")).update(`${offerId}|${profileId}`).digest();
  // Crockford-like alphabet without 0/O/1/I, easy to read out on the phone
  const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  return Array.from(d.subarray(0, 6), (b) => alphabet[b % 32]).join("");
}

/** A candidate's handle as procedures accept it (then profileOfHandle decides). */
export const candidateIdInput = z
  .string("Identifiant de candidat invalide.")
  .regex(/^[A-Za-z0-9_-]{59}$/, "Identifiant de candidat invalide.");
