import type { SignInErrorCode, SignInState } from "./session";

const KNOWN_CODES = new Set(["invalid", "rate_limited", "disabled", "pending"]);

/** Reads the code of a refused sign-in ("invalid_left_2", "slow_down_30", "disabled" …). */
export function parseSignInCode(raw: string | undefined): Pick<SignInState, "code" | "remaining" | "retryAfterSeconds"> {
  const left = /^invalid_left_(\d{1,2})$/.exec(raw ?? "");
  if (left) return { code: "invalid", remaining: Number(left[1]) };
  const slow = /^slow_down_(\d{1,4})$/.exec(raw ?? "");
  if (slow) return { code: "slow_down", retryAfterSeconds: Number(slow[1]) };
  return { code: raw && KNOWN_CODES.has(raw) ? (raw as SignInErrorCode) : "unavailable" };
}

