import { describe, expect, it } from "vitest";
import { privacyJobIntervalHours } from "./privacy-job";

const env = (e: Record<string, string>) => e as unknown as NodeJS.ProcessEnv;

describe("privacy job interval", () => {
  it("defaults to 24 hours, 0 turns it off, tests never run it", () => {
    expect(privacyJobIntervalHours(env({ NODE_ENV: "production" }))).toBe(24);
    expect(privacyJobIntervalHours(env({ NODE_ENV: "production", PRIVACY_JOB_HOURS: "6" }))).toBe(6);
    expect(privacyJobIntervalHours(env({ NODE_ENV: "production", PRIVACY_JOB_HOURS: "0" }))).toBeNull();
    expect(privacyJobIntervalHours(env({ NODE_ENV: "test", PRIVACY_JOB_HOURS: "1" }))).toBeNull();
    expect(privacyJobIntervalHours(env({ NODE_ENV: "production", PRIVACY_JOB_HOURS: "-3" }))).toBe(24);
  });
});
