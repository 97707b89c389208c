import { randomBytes, scrypt as scryptCb, timingSafeEqual, createHash, createHmac, randomInt } from "node:crypto";
import { promisify } from "node:util";
import { derivedKey } from "../lib/keys";

const scrypt = promisify(scryptCb) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

// scrypt, memory-hard, from Node itself: N=2^15, r=8 → 32 MiB per hash (OWASP's minimum
// is N=2^17 with r=8,p=1 or equivalent; 2^15 with p=1 keeps sign-in under 100 ms on a small
// server; raise N when the hardware allows, old hashes keep verifying with their own N).
const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEYLEN = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { ...PARAMS, maxmem: 128 * PARAMS.N * PARAMS.r * 2 });
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (!stored) return false;
  const [algo, n, r, p, saltB64, keyB64] = stored.split("$");
  if (algo !== "scrypt" || !saltB64 || !keyB64) return false;
  const N = Number(n);
  const params = { N, r: Number(r), p: Number(p) };
  const expected = Buffer.from(keyB64, "base64");
  const key = await scrypt(password, Buffer.from(saltB64, "base64"), expected.length, {
    ...params,
    maxmem: 128 * params.N * params.r * 2,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A dummy hash verified when the account does not exist, so timing does not reveal it. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(12).toString("hex"));
  return dummyHash;
}

// Access codes: printed in letters and typed from paper, so no look-alike characters.
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const CODE_LENGTH = 10;

/** e.g. "K7QM-4XTR-PZ": 10 characters, about 50 bits, grouped for reading aloud. */
export function generateAccessCode(): string {
  let raw = "";
  for (let i = 0; i < CODE_LENGTH; i++) raw += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/**
 * The code of a letter, computed from its row's random id with a key derived from AUTH_SECRET
 * (HMAC-SHA256, 50 bits kept, 5 per character of the 32-letter alphabet: no bias). Only the
 * hash is stored, like any code, yet the adviser can show the same code again and print the
 * letter for it until it is used or expires: whoever reads the database without AUTH_SECRET
 * learns nothing. A new AUTH_SECRET (or none, in development) makes older letters'
 * codes impossible to show again, not invalid: the hash check tells which.
 */
export function letterAccessCode(rowId: string): string {
  const mac = createHmac("sha256", derivedKey("access-code-letter")).update(rowId).digest();
  let bits = mac.readBigUInt64BE(0);
  let raw = "";
  for (let i = 0; i < CODE_LENGTH; i++) {
    raw += CODE_ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

export function normalizeAccessCode(code: string): string {
  return code
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
}

export function hashAccessCode(code: string): string {
  return createHash("sha256").update(normalizeAccessCode(code)).digest("hex");
}
